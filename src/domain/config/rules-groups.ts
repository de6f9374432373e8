/** Cross-file rule on the site's agency groups: each names agencies that exist, once. */
import { type ConfigSet, type Entry, findDuplicates, mayBeUnparsedAgency } from './config-set';
import { type ConfigIssue, configIssue, jsonPath } from './issues';
import type { Site } from './schema';

type Member = { agency: string; group: string; g: number; a: number };

function members(site: Site): Member[] {
  return (site.agencyGroups ?? []).flatMap((group, g) =>
    group.agencies.map((agency, a) => ({ agency, group: group.id, g, a })),
  );
}

function groupIssues(set: ConfigSet, site: Entry<Site>): ConfigIssue[] {
  const groups = site.value.agencyGroups ?? [];
  const at = (m: Member) => jsonPath('agencyGroups', m.g, 'agencies', m.a);
  const repeatedGroups = findDuplicates(groups, (group) => group.id).map((dup) =>
    configIssue(
      site.file,
      jsonPath('agencyGroups', dup.index, 'id'),
      `id kelompok '${dup.item.id}' sudah dipakai oleh $.agencyGroups[${dup.firstIndex}]`,
    ),
  );
  const all = members(site.value);
  const unknown = all.flatMap((m) =>
    set.agencyById.has(m.agency) || mayBeUnparsedAgency(set, m.agency)
      ? []
      : [configIssue(site.file, at(m), `instansi '${m.agency}' tidak ada (kelompok '${m.group}')`)],
  );
  const twice = findDuplicates(all, (m) => m.agency).map(({ item, first }) =>
    configIssue(
      site.file,
      at(item),
      item.group === first.group
        ? `instansi '${item.agency}' sudah disebut di kelompok ini (${at(first)})`
        : `instansi '${item.agency}' sudah ada di kelompok '${first.group}' (${at(first)}): satu instansi hanya boleh di satu kelompok`,
    ),
  );
  return [...repeatedGroups, ...unknown, ...twice];
}

/**
 * Rule 10: group ids are unique, every agency a group names exists, and no agency is in
 * two groups (or twice in one). An empty group is refused by the schema itself.
 */
export function agencyGroupsValid(set: ConfigSet): ConfigIssue[] {
  return set.site ? groupIssues(set, set.site) : [];
}
