/** Today's most-asked services, for the kiosk to offer first. */
import type { Agency } from './config/schema';

/**
 * The ids of the services with tickets today, most tickets first (ties in config order),
 * at most `limit`.
 */
export function mostAsked(
  agencies: readonly Agency[],
  issuedToday: (serviceId: string) => number,
  limit: number,
): string[] {
  return agencies
    .flatMap((agency) =>
      agency.services.map((service) => [service.id, issuedToday(service.id)] as const),
    )
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id]) => id);
}
