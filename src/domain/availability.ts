/**
 * Whether a citizen can take a number for a service now, told before they invest time
 * in the requirement check. Reasons are checked in a fixed order (see serviceAvailability).
 */
import type { Agency, ConfigBundle, Service, Site } from './config/schema';
import { type Issuer, quotaRule, teamVisitOn } from './quotas';
import { businessDayOf, isOpenAt } from './time';

/** What the kiosk shows on a service or agency tile. */
export type Availability =
  | { state: 'open'; remaining: number | null } // remaining quota today, null = no quota
  | { state: 'closed'; reason: 'hours' | 'holiday' | 'not-offered' }
  | { state: 'quota-exhausted' };

/** Where a number is taken: the MPP lobby or a mobile unit ("MPP bergerak"). */
export type Place = 'lobby' | 'mobile';

type ServiceInput = {
  site: Site;
  agency: Agency;
  service: Service;
  now: number;
  issuedToday: number;
  place: Place;
  quotaOverride?: number;
};

/**
 * Availability of one service. Precedence: not offered here (or marked unavailable),
 * then site holiday, then opening hours (service ?? agency ?? site), then daily quota
 * (override ?? service's).
 */
export function serviceAvailability(input: ServiceInput): Availability {
  const { site, agency, service, now, issuedToday, place } = input;
  if (service.available === false || !service.offeredAt.includes(place)) {
    return { state: 'closed', reason: 'not-offered' };
  }
  if (site.holidays?.includes(businessDayOf(now, site.timeZone))) {
    return { state: 'closed', reason: 'holiday' };
  }
  const hours = service.openingHours ?? agency.openingHours ?? site.openingHours;
  if (!isOpenAt(hours, now, site.timeZone)) return { state: 'closed', reason: 'hours' };
  const quota = input.quotaOverride ?? service.dailyQuota;
  if (quota === undefined) return { state: 'open', remaining: null };
  if (issuedToday >= quota) return { state: 'quota-exhausted' };
  return { state: 'open', remaining: quota - issuedToday };
}

/** Rank of a non-open state: the higher, the more it tells the citizen about today. */
function informativeness(a: Availability): number {
  if (a.state === 'quota-exhausted') return 4;
  if (a.state === 'open') return 5;
  return { hours: 3, holiday: 2, 'not-offered': 1 }[a.reason];
}

/**
 * Availability of an agency tile: open when any service is open (remaining = sum over
 * open services, null if any has no quota); otherwise the most informative reason of its
 * services: quota-exhausted > hours > holiday > not-offered.
 */
export function agencyAvailability(input: {
  site: Site;
  agency: Agency;
  now: number;
  issuedToday: (serviceId: string) => number;
  place: Place;
}): Availability {
  const { site, agency, now, place } = input;
  const states = agency.services.map((service) =>
    serviceAvailability({
      site,
      agency,
      service,
      now,
      place,
      issuedToday: input.issuedToday(service.id),
    }),
  );
  const open = states.filter((a) => a.state === 'open');
  if (open.length > 0) {
    const unlimited = open.some((a) => a.remaining === null);
    const remaining = open.reduce((sum, a) => sum + (a.remaining ?? 0), 0);
    return { state: 'open', remaining: unlimited ? null : remaining };
  }
  let best: Availability = { state: 'closed', reason: 'not-offered' };
  for (const a of states) if (informativeness(a) > informativeness(best)) best = a;
  return best;
}

/** Where a device of `issuer`'s profile takes numbers. */
export function placeOf(issuer: Issuer): Place {
  return issuer.surface === 'mobile' ? 'mobile' : 'lobby';
}

/**
 * Availability of every service of the site at `now` for a device of `issuer`'s profile,
 * given how many tickets of its place each has on `businessDay`. The quota is the one the
 * server grants that device tokens by (`quotaRule`: its visit's on a visit day, else the
 * service's daily one). On a day of its visit a mobile unit offers the visit's services only.
 */
export function availabilityMap(
  config: ConfigBundle,
  issuedCount: (businessDay: string, serviceId: string) => number,
  businessDay: string,
  now: number,
  issuer: Issuer,
): Record<string, Availability> {
  const place = placeOf(issuer);
  const visit = place === 'mobile' ? teamVisitOn(config, issuer.team, businessDay) : undefined;
  const map: Record<string, Availability> = {};
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      if (visit && !visit.services.some((s) => s.service === service.id)) {
        map[service.id] = { state: 'closed', reason: 'not-offered' };
        continue;
      }
      const quota = quotaRule(config, service.id, businessDay, issuer)?.quota;
      map[service.id] = serviceAvailability({
        site: config.site,
        agency,
        service,
        now,
        place,
        issuedToday: issuedCount(businessDay, service.id),
        ...(quota === undefined ? {} : { quotaOverride: quota }),
      });
    }
  }
  return map;
}
