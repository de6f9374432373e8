/**
 * Citizen-facing formats (EYD/PUEBI): "Rp350.000", "08.05 WIB", "Senin, 17 Oktober 2024",
 * "Senin–Kamis 08.00–15.00". Names come from the tables below, never from ICU locale
 * data, so every device prints the same text.
 */
import type { Cost, Language, OpeningHours, Weekday } from './config/schema';
import { localized } from './i18n/local-text';
import { localParts, type TimeZone, tzAbbreviation, WEEKDAYS } from './time';

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  id: {
    mon: 'Senin',
    tue: 'Selasa',
    wed: 'Rabu',
    thu: 'Kamis',
    fri: 'Jumat',
    sat: 'Sabtu',
    sun: 'Minggu',
  },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
};

// biome-ignore format: one row per language reads better
const MONTH_NAMES: Record<Language, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The name of a weekday in `lang`: "Jumat", "Friday". */
export function dayName(weekday: Weekday, lang: Language): string {
  return DAY_NAMES[lang][weekday];
}

/** Rupiah with dot thousands and no space or ",-": 350000 → "Rp350.000", 0 → "Rp0". */
export function formatRupiah(amount: number): string {
  const digits = String(Math.round(Math.abs(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp${grouped}`;
}

/** The "Biaya" block: lines to show, plus the legal basis and non-PNBP costs when set. */
export function formatCost(
  cost: Cost,
  lang: Language,
): { lines: string[]; legalBasis?: string; otherCosts?: string } {
  let lines: string[];
  if (cost.kind === 'free') lines = [lang === 'en' ? 'Free' : 'Gratis'];
  else if (cost.kind === 'variable') lines = [localized(cost.note, lang)];
  else if (cost.items.length === 1) lines = cost.items.map((item) => formatRupiah(item.amount));
  else lines = cost.items.map((i) => `${localized(i.label, lang)}: ${formatRupiah(i.amount)}`);
  return {
    lines,
    ...(cost.legalBasis !== undefined && { legalBasis: cost.legalBasis }),
    ...(cost.otherCosts !== undefined && { otherCosts: localized(cost.otherCosts, lang) }),
  };
}

/** The date of an instant in the site's zone: "Senin, 17 Oktober 2024" / "Monday, 17 October 2024". */
export function formatDate(epochMs: number, timeZone: TimeZone, lang: Language): string {
  const p = localParts(epochMs, timeZone);
  return `${dayName(p.weekday, lang)}, ${p.day} ${MONTH_NAMES[lang][p.month - 1]} ${p.year}`;
}

const clock = (hour: number, minute: number): string =>
  `${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')}`;

/** The wall-clock time of an instant with its zone: "08.05 WIB" (the UI adds "pukul"). */
export function formatClock(epochMs: number, timeZone: TimeZone): string {
  const p = localParts(epochMs, timeZone);
  return `${clock(p.hour, p.minute)} ${tzAbbreviation(timeZone)}`;
}

/** A config time 'HH:MM' as printed: '08:00' → '08.00'. */
const hhmmText = (hhmm: string): string => hhmm.replace(':', '.');

/** The intervals of one weekday, sorted and de-duplicated: "08.00–11.30, 13.00–15.00". */
function intervalsOf(hours: OpeningHours, weekday: Weekday): string {
  const intervals = hours
    .filter((rule) => rule.days.includes(weekday))
    .map((rule) => `${hhmmText(rule.from)}–${hhmmText(rule.to)}`);
  return [...new Set(intervals)].sort().join(', ');
}

/**
 * Opening hours in one line, consecutive days with identical intervals grouped:
 * "Senin–Kamis 08.00–15.00; Jumat 08.00–11.30, 13.00–15.00". No rules → "Tutup"/"Closed".
 */
export function formatHours(hours: OpeningHours, lang: Language): string {
  const groups: { first: Weekday; last: Weekday; intervals: string }[] = [];
  let previous: string | undefined;
  for (const day of WEEKDAYS) {
    const intervals = intervalsOf(hours, day);
    const group = groups.at(-1);
    if (intervals !== '' && intervals === previous && group) group.last = day;
    else if (intervals !== '') groups.push({ first: day, last: day, intervals });
    previous = intervals;
  }
  if (groups.length === 0) return lang === 'en' ? 'Closed' : 'Tutup';
  const days = (g: (typeof groups)[number]) =>
    g.first === g.last
      ? dayName(g.first, lang)
      : `${dayName(g.first, lang)}–${dayName(g.last, lang)}`;
  return groups.map((g) => `${days(g)} ${g.intervals}`).join('; ');
}

/** An estimated wait: "± 20 menit" / "± 1 jam 30 menit"; 0 → "Segera dilayani" / "You are next". */
export function formatWait(minutes: number, lang: Language): string {
  const total = Math.ceil(minutes);
  if (!(total > 0)) return lang === 'en' ? 'You are next' : 'Segera dilayani';
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (n: number, id: string, en: string) =>
    lang === 'en' ? `${n} ${en}${n === 1 ? '' : 's'}` : `${n} ${id}`;
  const parts = [h > 0 ? unit(h, 'jam', 'hour') : '', m > 0 ? unit(m, 'menit', 'minute') : ''];
  return `± ${parts.filter(Boolean).join(' ')}`;
}
