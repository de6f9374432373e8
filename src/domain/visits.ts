/**
 * MPP bergerak visits (kiosk-config/visits/<id>.json): the days a visit spans, the visits of
 * a day, the coming ones, and the line that tells citizens about one ("MPP bergerak:
 * Kelurahan Sukamaju, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan.").
 */
import type { Language, Visit } from './config/schema';
import { addDays } from './lease-days';

/** The team of a visit that names none: a site with one mobile unit. */
export const DEFAULT_TEAM = 'tim-1';

/** The longest visit, in days (a trip a device prepares for before it leaves). */
export const MAX_VISIT_DAYS = 7;

/** The mobile team that makes the visit. */
export function visitTeam(visit: Visit): string {
  return visit.team ?? DEFAULT_TEAM;
}

/** The visit's last day (its first when it lasts one day). */
export function lastDay(visit: Visit): string {
  return visit.until ?? visit.date;
}

/** Every day of the visit, in order. */
export function visitDays(visit: Visit): string[] {
  const days: string[] = [];
  const last = lastDay(visit);
  for (let day = visit.date; day <= last && days.length < MAX_VISIT_DAYS; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** Whether the visit serves on `day`. */
export function visitsOn(visit: Visit, day: string): boolean {
  return visit.date <= day && day <= lastDay(visit);
}

/** Visits not over by `today`, soonest first (then by id), at most `limit`. */
export function comingVisits(visits: readonly Visit[], today: string, limit = 3): Visit[] {
  return visits
    .filter((visit) => lastDay(visit) >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** The visit that serves on `day` with `serviceId`, if any (the first by id). */
export function visitServing(
  visits: readonly Visit[],
  day: string,
  serviceId: string,
): Visit | undefined {
  return [...visits]
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((v) => visitsOn(v, day) && v.services.some((s) => s.service === serviceId));
}

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
