/** The services the agency screen offers first: today's most asked, or the main ones. */
import type { Agency, Service } from '../../../domain/config/schema';
import { servicesAt } from '../../../machines/kiosk.selectors';
import type { Place } from '../../../machines/kiosk.types';

/** A service offered first, with its agency. */
export type Offered = { agency: Agency; service: Service };

/**
 * Up to `limit` services to offer first: today's most asked when there are any (`today`),
 * else the first service of each agency in the order given.
 */
export function offeredFirst(
  popular: readonly string[],
  agencies: Agency[],
  place: Place,
  limit: number,
): { today: boolean; services: Offered[] } {
  const here = new Map<string, Offered>();
  for (const agency of agencies) {
    for (const service of servicesAt(agency, place)) here.set(service.id, { agency, service });
  }
  const today = popular.flatMap((id) => here.get(id) ?? []).slice(0, limit);
  if (today.length > 0) return { today: true, services: today };
  const first = agencies.flatMap((agency) => {
    const service = servicesAt(agency, place)[0];
    return service ? [{ agency, service }] : [];
  });
  return { today: false, services: first.slice(0, limit) };
}
