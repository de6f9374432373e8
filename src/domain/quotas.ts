/**
 * Daily quotas (ARCHITECTURE.md §5): how many tickets of a service a day may have, and how
 * many of them one device may hold unused. The server grants quota tokens by these rules;
 * the whole quota is the supply, so no device may sit on more than its share of it.
 */
import type { ConfigBundle } from './config/schema';

/** A service's quota on a day, and the most tokens one device may hold unused. */
export type QuotaRule = { quota: number; deviceShare: number };

/**
 * The quota of a service on a day: the sum of the day's quotas of the visits that serve
 * that day and carry it (a mobile unit takes the whole of it before it leaves: no share),
 * else the service's daily quota, of which one device may hold a quarter unused (at least 10, two top-ups);
 * undefined when it has none.
 */
export function quotaRule(
  config: ConfigBundle,
  serviceId: string,
  day: string,
): QuotaRule | undefined {
  const visitQuotas = config.visits
    // ./visit-days.ts `visitsOn`, written out: the counter's bundle carries quotas alone.
    .filter((visit) => visit.date <= day && day <= (visit.until ?? visit.date))
    .flatMap((visit) => visit.services.filter((s) => s.service === serviceId).map((s) => s.quota));
  if (visitQuotas.length > 0) {
    const quota = visitQuotas.reduce((a, b) => a + b, 0);
    return { quota, deviceShare: quota };
  }
  for (const agency of config.agencies) {
    const service = agency.services.find((s) => s.id === serviceId);
    if (service?.dailyQuota !== undefined) {
      const quota = service.dailyQuota;
      return { quota, deviceShare: Math.max(10, Math.ceil(quota / 4)) };
    }
    if (service) return undefined;
  }
  return undefined;
}
