/** Which leases a device keeps topped up, from its config, its profile and the day. */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { addDays } from '../../domain/lease-days';
import { quotaRule } from '../../domain/quotas';
import { nextOpenDay } from '../../domain/time';
import { visitDays, visitsOfTeam } from '../../domain/visit-days';
import type { LeaseFill, LeaseNeeds } from '../../sync/context';

/** How far ahead a mobile unit leases for the visits of its trip. */
const VISIT_HORIZON_DAYS = 14;

/**
 * The leases a device needs: today's numbers for every queue its profile issues from and
 * quota tokens for the services it draws a quota for today (`quotaRule`: its visit's,
 * else the daily one — what the server grants by); a mobile unit also every visit day ahead, each
 * in full (`fill`: the day's visit quotas and numbers for all of them); numbers (no
 * tokens) for the site's next open day, for a night spent offline.
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
      if (quotaRule(config, service.id, today, profile) !== undefined)
        quotaServices.add(service.id);
    }
  }
  const days = new Set([today]);
  const fill: LeaseFill = {
    blockSize: config.site.numbering.deviceBlockSize,
    numbers: [],
    quotas: [],
  };
  if (profile.surface === 'mobile') {
    const horizon = addDays(today, VISIT_HORIZON_DAYS);
    for (const visit of visitsOfTeam(config.visits, profile.team)) {
      const ahead = visitDays(visit).filter((day) => day >= today && day <= horizon);
      if (ahead.length === 0) continue;
      for (const day of ahead) days.add(day);
    }
    for (const day of days) addTripDay(config, profile, day, fill);
  }
  const next = nextOpenDay(today, config.site.openingHours, config.site.holidays);
  return {
    days: [...days].sort(),
    aheadDays: next === null ? [] : [next],
    prefixes: [...prefixes],
    quotaServices: [...quotaServices],
    fill,
  };
}

/**
 * A visit day in full: for each service the unit's visits carry that day (its team's), the
 * quotas they give it in tokens, and numbers for every ticket those quotas allow, by queue.
 */
function addTripDay(config: ConfigBundle, profile: Profile, day: string, fill: LeaseFill): void {
  const quotas = new Map<string, number>();
  for (const visit of visitsOfTeam(config.visits, profile.team)) {
    if (!visitDays(visit).includes(day)) continue;
    for (const { service, quota } of visit.services) {
      quotas.set(service, (quotas.get(service) ?? 0) + quota);
    }
  }
  const numbers = new Map<string, number>();
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      const quota = quotas.get(service.id);
      if (quota === undefined) continue;
      const prefix = service.prefix ?? agency.prefix;
      numbers.set(prefix, (numbers.get(prefix) ?? 0) + quota);
      fill.quotas.push({ businessDay: day, serviceId: service.id, count: quota });
    }
  }
  for (const [prefix, count] of numbers) fill.numbers.push({ businessDay: day, prefix, count });
}
