/**
 * MPP bergerak visits (kiosk-config/visits/<id>.json): the days a visit spans, the visits of
 * a day and the coming ones. Their words for citizens are in ./visits.ts, so the code that
 * only counts days (quotas, leases) carries no month names.
 */
import type { Visit } from './config/schema';
import { addDays, MAX_VISIT_DAYS } from './lease-days';

/** The team of a visit that names none: a site with one mobile unit. */
export const DEFAULT_TEAM = 'tim-1';

/** The mobile team that makes the visit. */
export function visitTeam(visit: Visit): string {
  return visit.team ?? DEFAULT_TEAM;
}

/** The visit's last day (its first when it lasts one day). */
export function lastDay(visit: Visit): string {
  return visit.until ?? visit.date;
}

/** Every day of the visit, in order. */
export function visitDays(visit: Visit): string[] {
  const days: string[] = [];
  const last = lastDay(visit);
  for (let day = visit.date; day <= last && days.length < MAX_VISIT_DAYS; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/**
 * The visits a mobile unit of `team` makes (a profile without a team is the default
 * team's, like a visit without one: a site with one unit names no teams at all).
 */
export function visitsOfTeam(visits: readonly Visit[], team: string | undefined): Visit[] {
  const unit = team ?? DEFAULT_TEAM;
  return visits.filter((v) => visitTeam(v) === unit);
}

/** Whether the visit serves on `day`. */
export function visitsOn(visit: Visit, day: string): boolean {
  return visit.date <= day && day <= lastDay(visit);
}

/** Visits not over by `today`, soonest first (then by id), at most `limit`. */
export function comingVisits(visits: readonly Visit[], today: string, limit = 3): Visit[] {
  return visits
    .filter((visit) => lastDay(visit) >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** The visit that serves on `day` with `serviceId`, if any (the first by id). */
export function visitServing(
  visits: readonly Visit[],
  day: string,
  serviceId: string,
): Visit | undefined {
  return [...visits]
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((v) => visitsOn(v, day) && v.services.some((s) => s.service === serviceId));
}
