/**
 * Calendar and clock of a site, computed from an instant and the site's time zone.
 * Intl is used only to shift the instant into the zone (its `en-US` numeric parts are
 * stable); names of days and months come from our own tables (see ./format.ts), so
 * nothing depends on the ICU locale data installed on a device.
 * Must: pure — the instant is always passed in, never read from a clock.
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

const formatters = new Map<TimeZone, Intl.DateTimeFormat>();

function formatterFor(timeZone: TimeZone): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Day of the week of a proleptic Gregorian date, independent of any time zone. */
function weekdayOf(year: number, month: number, day: number): Weekday {
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] ?? 'mon';
}

/** Calendar and clock fields of `epochMs` as read on a wall clock in `timeZone`. */
export function localParts(epochMs: number, timeZone: TimeZone): LocalParts {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 0;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  // Some ICU versions still print midnight as 24 even with h23.
  const hour = (fields.hour ?? 0) % 24;
  return {
    year,
    month,
    day,
    hour,
    minute: fields.minute ?? 0,
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
