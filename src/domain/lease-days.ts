/**
 * Which business day a device issues on. The day comes from the leases the server gave,
 * not from the device clock alone: a device with a wrong clock cannot invent a day, and
 * it rolls over to a new day only once it holds a lease for it.
 * Must: pure; days are 'YYYY-MM-DD' strings, whose string order is calendar order.
 */

/**
 * The latest leased day not after `estimatedNowDay`; if every leased day is later, the
 * earliest of them; with no lease at all, `estimatedNowDay`.
 */
export function chooseBusinessDay(leasedDays: readonly string[], estimatedNowDay: string): string {
  let latestNotAfter: string | null = null;
  let earliest: string | null = null;
  for (const day of leasedDays) {
    if (day <= estimatedNowDay && (latestNotAfter === null || day > latestNotAfter)) {
      latestNotAfter = day;
    }
    if (earliest === null || day < earliest) earliest = day;
  }
  return latestNotAfter ?? earliest ?? estimatedNowDay;
}

/** The day `days` calendar days after `day` ('YYYY-MM-DD'); negative goes back. */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** The day `days` calendar days before `day` ('YYYY-MM-DD'), e.g. for a retention window. */
export function daysBefore(day: string, days: number): string {
  return addDays(day, -days);
}

/** The longest MPP bergerak visit, in days (a trip a device prepares for before it leaves). */
export const MAX_VISIT_DAYS = 7;

/** How long acknowledged events stay on a device, in business days (src/storage/prune.ts). */
export const DEVICE_RETENTION_DAYS = 14;
