/**
 * What citizens read of an MPP bergerak visit: "MPP bergerak: Kelurahan Sukamaju, Kamis 10
 * Desember, 08.00–14.00, di Balai Kelurahan." (the days themselves: ./visit-days.ts).
 */
import type { Language, Visit } from './config/schema';
import { lastDay } from './visit-days';

const MONTHS: Record<Language, readonly string[]> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(
    ' ',
  ),
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
};
const WEEKDAYS: Record<Language, readonly string[]> = {
  id: 'Minggu Senin Selasa Rabu Kamis Jumat Sabtu'.split(' '),
  en: 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' '),
};

/** "Kamis 10 Desember" / "Thursday 10 December". */
export function calendarDay(day: string, lang: Language): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date, 12)).getUTCDay();
  return `${WEEKDAYS[lang][weekday]} ${date} ${MONTHS[lang][month - 1]}`;
}

/** When the visit serves, seen from `today`: "hari ini", "Kamis 10 Desember", a range. */
export function visitWhen(visit: Visit, today: string, lang: Language): string {
  const last = lastDay(visit);
  const first = visit.date > today ? calendarDay(visit.date, lang) : undefined;
  const todayWord = lang === 'id' ? 'hari ini' : 'today';
  if (last === visit.date || last === today) return first ?? todayWord;
  const until = lang === 'id' ? 'sampai' : 'until';
  return `${first ?? todayWord} ${until} ${calendarDay(last, lang)}`;
}

/** The visit's hours as citizens read them: "08.00–14.00". */
export function visitHours(visit: Visit): string {
  return `${visit.hours.from.replace(':', '.')}–${visit.hours.to.replace(':', '.')}`;
}

/** One line about a coming visit, for the lobby, the board and the phone page. */
export function visitLine(visit: Visit, today: string, lang: Language): string {
  const when = visitWhen(visit, today, lang);
  return lang === 'id'
    ? `MPP bergerak: Kelurahan ${visit.kelurahan}, ${when}, ${visitHours(visit)}, di ${visit.place}.`
    : `Mobile service: ${visit.kelurahan}, ${when}, ${visitHours(visit)}, at ${visit.place}.`;
}

/** The heading over the coming visits: "Jadwal MPP bergerak". */
export function visitsHeading(lang: Language): string {
  return lang === 'id' ? 'Jadwal MPP bergerak' : 'Mobile service schedule';
}
