/**
 * Calendar and clock of a site, computed from an instant and the site's time zone.
 * Indonesia's three zones have kept one offset each since 1964, with no daylight saving
 * (WIB UTC+7, WITA UTC+8, WIT UTC+9), so the wall clock is the instant shifted by that
 * offset: plain arithmetic, no Intl. (Building an `Intl.DateTimeFormat` for a zone cost
 * ≈ 114 ms of a kiosk's cold start at 4× CPU throttle.) Names of days and months come from
 * our own tables (see ./format.ts), so nothing depends on a device's ICU data.
 * Must: pure — the instant is always passed in, never read from a clock; equal to what
 * Intl says for the zone at any instant from 1970 on (a property test checks it).
 */
import type { HoursRule, OpeningHours, Site, Weekday } from './config/schema';
import { addDays } from './lease-days';

/** One of the three Indonesian time zones a site can be in. */
export type TimeZone = Site['timeZone'];

/** Weekdays in calendar order, Monday first (as opening hours are read in Indonesia). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The calendar and clock fields of an instant in a time zone. */
export type LocalParts = {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  hour: number; // 0–23
  minute: number;
  weekday: Weekday;
};

/** Hours east of UTC of each zone. */
const UTC_OFFSET_HOURS = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
} as const satisfies Record<TimeZone, number>;

/** Day of the week of a proleptic Gregorian date, independent of any time zone. */
function weekdayOf(year: number, month: number, day: number): Weekday {
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] ?? 'mon';
}

/** Calendar and clock fields of `epochMs` as read on a wall clock in `timeZone`. */
export function localParts(epochMs: number, timeZone: TimeZone): LocalParts {
  const wall = new Date(epochMs + UTC_OFFSET_HOURS[timeZone] * 3_600_000);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  return {
    year,
    month,
    day,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: weekdayOf(year, month, day),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The site's business day of an instant, as 'YYYY-MM-DD' (queues and quotas reset on it). */
export function businessDayOf(epochMs: number, timeZone: TimeZone): string {
  const p = localParts(epochMs, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Day, weekday and 'HH:MM' wall-clock time (the config's format) of an instant. */
export function localClock(
  epochMs: number,
  timeZone: TimeZone,
): { day: string; weekday: Weekday; hhmm: string } {
  const p = localParts(epochMs, timeZone);
  return {
    day: businessDayOf(epochMs, timeZone),
    weekday: p.weekday,
    hhmm: `${pad2(p.hour)}:${pad2(p.minute)}`,
  };
}

function ruleCovers(rule: HoursRule, weekday: Weekday, hhmm: string): boolean {
  return rule.days.includes(weekday) && rule.from <= hhmm && hhmm < rule.to;
}

/** Whether the hours are open at an instant: `from` inclusive, `to` exclusive; closed on holidays. */
export function isOpenAt(
  hours: OpeningHours,
  epochMs: number,
  timeZone: TimeZone,
  holidays: readonly string[] = [],
): boolean {
  const clock = localClock(epochMs, timeZone);
  if (holidays.includes(clock.day)) return false;
  return hours.some((rule) => ruleCovers(rule, clock.weekday, clock.hhmm));
}

/** The weekday of a day written 'YYYY-MM-DD'. */
export function weekdayOfDay(day: string): Weekday {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return weekdayOf(y, m, d);
}

/**
 * The first day after `day` ('YYYY-MM-DD') on which the site opens at all (a weekday of
 * some rule, not a holiday), looking at most `within` days ahead; null when none is.
 */
export function nextOpenDay(
  day: string,
  hours: OpeningHours,
  holidays: readonly string[] = [],
  within = 14,
): string | null {
  for (let ahead = 1; ahead <= within; ahead++) {
    const candidate = addDays(day, ahead);
    const [y = 0, m = 1, d = 1] = candidate.split('-').map(Number);
    const weekday = weekdayOf(y, m, d);
    if (!holidays.includes(candidate) && hours.some((rule) => rule.days.includes(weekday))) {
      return candidate;
    }
  }
  return null;
}

const ABBREVIATIONS = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const satisfies Record<TimeZone, string>;

/** The Indonesian abbreviation of a zone: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export function tzAbbreviation(timeZone: TimeZone): 'WIB' | 'WITA' | 'WIT' {
  return ABBREVIATIONS[timeZone];
}
