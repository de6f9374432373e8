/** Per-service availability for the kiosk screens, from the config, the queue state and the clock. */
import { type Availability, serviceAvailability } from '../../domain/availability';
import type { ConfigBundle } from '../../domain/config/schema';
import type { QueueBook } from '../../domain/queue';
import { quotaRule } from '../../domain/quotas';
import type { Place } from '../../machines/kiosk.types';

/**
 * Availability of every service of the site at `now`. The quota is the one the server
 * grants tokens by (`quotaRule`: a visit's on its day, else the service's daily one).
 */
export function availabilityMap(
  config: ConfigBundle,
  queue: QueueBook,
  businessDay: string,
  now: number,
  place: Place,
): Record<string, Availability> {
  const map: Record<string, Availability> = {};
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      const quota = quotaRule(config, service.id, businessDay)?.quota;
      map[service.id] = serviceAvailability({
        site: config.site,
        agency,
        service,
        now,
        place,
        issuedToday: queue.issuedCount(businessDay, service.id),
        ...(quota === undefined ? {} : { quotaOverride: quota }),
      });
    }
  }
  return map;
}
