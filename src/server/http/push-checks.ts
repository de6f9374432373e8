/**
 * What the server checks in a pushed batch beyond each event's schema, before anything
 * is stored: the events are the caller's own, of this site, numbered without holes inside
 * the batch, with sane business days and no control characters in their text.
 * Must: pure; refuses the whole batch on any issue (nothing is stored).
 */
import { jsonPath } from '../../domain/config/issues';
import type { KioskEvent } from '../../domain/events';
import { MAX_LEASE_DAYS_AHEAD } from '../../domain/protocol';
import { isCalendarDay, isPlainText, type RequestIssue } from '../../domain/protocol-schema';

/**
 * How far back a business day may be: devices keep acknowledged events for 14 days and
 * a mobile unit may stay offline for weeks; a year covers both with room to spare.
 */
export const MAX_PAST_DAYS = 366;

/** Issues of a batch pushed by `deviceId` of `siteId` on server day `today`; [] when fine. */
export function batchIssues(
  events: readonly KioskEvent[],
  ctx: { siteId: string; today: string },
): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const ids = new Set<string>();
  events.forEach((event, i) => {
    const previous = events[i - 1];
    const at = (field: string, message: string) =>
      issues.push({ path: jsonPath('events', i, field), message });
    if (event.siteId !== ctx.siteId) at('siteId', `must be this site (${ctx.siteId})`);
    if (previous && event.deviceSeq !== previous.deviceSeq + 1) {
      at('deviceSeq', `must be ${previous.deviceSeq + 1}: +1 per event`);
    }
    if (ids.has(event.id)) at('id', 'appears twice in the batch');
    ids.add(event.id);
    const dayProblem = businessDayProblem(event.businessDay, ctx.today);
    if (dayProblem) at('businessDay', dayProblem);
    if (!stringsArePlain(event.data)) at('data', 'text must not contain control characters');
  });
  return issues;
}

/** Paths of the events that belong to another device than the caller. */
export function foreignEventIssues(
  events: readonly KioskEvent[],
  deviceId: string,
): RequestIssue[] {
  return events.flatMap((event, i) =>
    event.deviceId === deviceId
      ? []
      : [{ path: jsonPath('events', i, 'deviceId'), message: 'must be the calling device' }],
  );
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function businessDayProblem(day: string, today: string): string | null {
  if (!isCalendarDay(day)) return 'must be a calendar day';
  const ahead = daysBetween(today, day);
  // One day of slack past the lease window: a device's clock may sit across midnight.
  if (ahead > MAX_LEASE_DAYS_AHEAD + 1) return `must be at most ${MAX_LEASE_DAYS_AHEAD} days ahead`;
  if (ahead < -MAX_PAST_DAYS) return `must be within the last ${MAX_PAST_DAYS} days`;
  return null;
}

/** Whether every string inside a (validated, so shallow) payload is free of control characters. */
function stringsArePlain(value: unknown): boolean {
  if (typeof value === 'string') return isPlainText(value);
  if (Array.isArray(value)) return value.every(stringsArePlain);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).every(stringsArePlain);
  return true;
}
