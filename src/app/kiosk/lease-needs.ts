/** Which leases a device keeps topped up, from its config, its profile and the day. */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { addDays } from '../../domain/lease-days';
import { quotaRule } from '../../domain/quotas';
import { nextOpenDay } from '../../domain/time';
import { visitDays } from '../../domain/visit-days';
import type { LeaseNeeds } from '../../sync/context';

/** How far ahead a mobile unit leases for the visits of its trip. */
const VISIT_HORIZON_DAYS = 14;

/**
 * The leases a device needs: today's numbers for every queue its profile issues from and
 * quota tokens for the services with a quota today (`quotaRule`: a visit's, else the
 * daily one — what the server grants by); a mobile unit also every visit day ahead;
 * numbers (no tokens) for the site's next open day, for a night spent offline.
 */
export function leaseNeeds(config: ConfigBundle, profile: Profile, today: string): LeaseNeeds {
  // A counter or a display issues nothing: it holds no numbers and no quota.
  if (profile.surface === 'counter' || profile.surface === 'display') {
    return { days: [today], aheadDays: [], prefixes: [], quotaServices: [] };
  }
  const shown = profile.agencies;
  const agencies = shown ? config.agencies.filter((a) => shown.includes(a.id)) : config.agencies;
  const prefixes = new Set<string>();
  const quotaServices = new Set<string>();
  for (const agency of agencies) {
    prefixes.add(agency.prefix);
    for (const service of agency.services) {
      if (service.prefix) prefixes.add(service.prefix);
      if (quotaRule(config, service.id, today) !== undefined) quotaServices.add(service.id);
    }
  }
  const days = new Set([today]);
  if (profile.surface === 'mobile') {
    const horizon = addDays(today, VISIT_HORIZON_DAYS);
    for (const visit of config.visits) {
      const ahead = visitDays(visit).filter((day) => day >= today && day <= horizon);
      if (ahead.length === 0) continue;
      for (const day of ahead) days.add(day);
      for (const entry of visit.services) quotaServices.add(entry.service);
    }
  }
  const next = nextOpenDay(today, config.site.openingHours, config.site.holidays);
  return {
    days: [...days].sort(),
    aheadDays: next === null ? [] : [next],
    prefixes: [...prefixes],
    quotaServices: [...quotaServices],
  };
}
