/** The site's agency groups as the agency screen shows them, with the agencies visible here. */
import type { Agency, AgencyGroup } from '../../../domain/config/schema';

/** A group as shown: `name` null for "Lainnya" (agencies of no group). */
export type ShownGroup = { id: string; name: AgencyGroup['name'] | null; agencies: Agency[] };

/** The id of the "Lainnya" group: not a slug, so no configured group can have it. */
export const OTHER_GROUP = '*';

/**
 * The site's groups with their agencies visible here (in the group's order: its big ones
 * first), empty ones left out, then "Lainnya"; none when fewer than two groups would show.
 */
export function shownGroups(groups: readonly AgencyGroup[] | undefined, visible: Agency[]) {
  const grouped = new Set<string>();
  const shown: ShownGroup[] = [];
  for (const group of groups ?? []) {
    for (const id of group.agencies) grouped.add(id);
    const agencies = group.agencies.flatMap(
      (id) => visible.find((agency) => agency.id === id) ?? [],
    );
    if (agencies.length > 0) shown.push({ id: group.id, name: group.name, agencies });
  }
  const rest = visible.filter((agency) => !grouped.has(agency.id));
  if (rest.length > 0) shown.push({ id: OTHER_GROUP, name: null, agencies: rest });
  return shown.length > 1 ? shown : [];
}

/** Agencies taking turns across groups: each group's first, then each group's second… */
export function inTurns(groups: readonly ShownGroup[]): Agency[] {
  const turns: Agency[] = [];
  const longest = Math.max(0, ...groups.map((g) => g.agencies.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) {
      const agency = group.agencies[i];
      if (agency) turns.push(agency);
    }
  }
  return turns;
}
