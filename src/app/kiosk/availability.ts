/** Per-service availability for the kiosk screens, from the config, the fold and the clock. */
import { type Availability, serviceAvailability } from '../../domain/availability';
import type { ConfigBundle } from '../../domain/config/schema';
import { type QueueState, serviceDayKey } from '../../domain/queue';
import type { Place } from '../../machines/kiosk.types';

/** Availability of every service of the site at `now`. */
export function availabilityMap(
  config: ConfigBundle,
  queue: QueueState,
  businessDay: string,
  now: number,
  place: Place,
): Record<string, Availability> {
  const map: Record<string, Availability> = {};
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      map[service.id] = serviceAvailability({
        site: config.site,
        agency,
        service,
        now,
        place,
        issuedToday: queue.issuedByService.get(serviceDayKey(businessDay, service.id)) ?? 0,
      });
    }
  }
  return map;
}
