/**
 * Daily quotas (ARCHITECTURE.md §5): how many tickets of a service a day may have, and how
 * many of them one device may hold unused. The server grants quota tokens by these rules;
 * the whole quota is the supply, so no device may sit on more than its share of it.
 *
 * A quota is drawn from a pool: the MPP's own (its lobby kiosks and counters), or one
 * MPP bergerak visit's. On a visit day the lobby keeps its daily quota and the mobile unit
 * draws on its visit's alone, so neither can use up the other's tickets.
 */
import type { ConfigBundle, Profile } from './config/schema';
import { DEFAULT_TEAM, visitsOn, visitTeam } from './visit-days';

/** Who draws on a quota: a device's profile (a mobile unit's team decides its visit). */
export type Issuer = Pick<Profile, 'surface' | 'team'>;

/** The pool of the MPP's own daily quotas; a visit's pool is the visit's id. */
export const LOBBY_POOL = '';

/** A service's quota on a day, the most tokens one device may hold unused, and its pool. */
export type QuotaRule = { quota: number; deviceShare: number; pool: string };

/**
 * The quota `issuer` draws on for a service on a day: for a mobile unit on a day its team
 * makes a visit, that visit's quota for the service (taken whole before it leaves: no
 * share; undefined when the visit does not carry it), else the service's daily quota, of
 * which one device may hold a quarter unused (at least 10, two top-ups); undefined when
 * the service has none.
 */
export function quotaRule(
  config: ConfigBundle,
  serviceId: string,
  day: string,
  issuer: Issuer,
): QuotaRule | undefined {
  if (issuer.surface === 'mobile') {
    const visit = teamVisitOn(config, issuer.team, day);
    if (visit !== undefined) {
      const quota = visit.services.find((s) => s.service === serviceId)?.quota;
      return quota === undefined ? undefined : { quota, deviceShare: quota, pool: visit.id };
    }
  }
  for (const agency of config.agencies) {
    const service = agency.services.find((s) => s.id === serviceId);
    if (service?.dailyQuota !== undefined) {
      const quota = service.dailyQuota;
      return { quota, deviceShare: Math.max(10, Math.ceil(quota / 4)), pool: LOBBY_POOL };
    }
    if (service) return undefined;
  }
  return undefined;
}

/**
 * The visit a mobile unit of `team` makes on `day` (a profile without a team is the
 * default team's, like a visit without one); config:check allows one a day per team.
 */
export function teamVisitOn(
  config: ConfigBundle,
  team: string | undefined,
  day: string,
): ConfigBundle['visits'][number] | undefined {
  const unit = team ?? DEFAULT_TEAM;
  return config.visits.find((visit) => visitTeam(visit) === unit && visitsOn(visit, day));
}

/** A lobby device, as quotas see it. */
const LOBBY: Issuer = { surface: 'kiosk' };

/**
 * The most tickets of a service the whole site may issue on a day, every pool together
 * (Infinity when the lobby has no quota for it). A device's log holds other devices'
 * tickets too — another pool's among them — so this is the bound it can check its log by;
 * the tokens of its own pool stay the real limit.
 */
export function siteQuota(config: ConfigBundle, serviceId: string, day: string): number {
  let quota = quotaRule(config, serviceId, day, LOBBY)?.quota ?? Number.POSITIVE_INFINITY;
  for (const visit of config.visits) {
    if (!visitsOn(visit, day)) continue;
    for (const carried of visit.services) if (carried.service === serviceId) quota += carried.quota;
  }
  return quota;
}
