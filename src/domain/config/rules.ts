/**
 * The cross-file rules: what the per-file schemas cannot see. Each rule is a small named
 * function from the parsed config set to issues (file + JSON path + Indonesian message).
 */
import { allServices, type ConfigSet, type Entry, findDuplicates } from './config-set';
import { type ConfigIssue, configIssue, jsonPath } from './issues';
import { englishTextsComplete } from './rules-english';
import { agencyGroupsValid } from './rules-groups';
import {
  desksExist,
  prerequisitesExist,
  profileAgenciesExist,
  visitServicesExist,
} from './rules-references';
import { questionsMatchRequirements, uniqueRequirementIds } from './rules-service';
import { visitsDoNotOverlap } from './rules-visits';

/** A cross-file rule. */
export type ConfigRule = (set: ConfigSet) => ConfigIssue[];

function uniqueEntryIds(entries: readonly Entry<{ id: string }>[], noun: string): ConfigIssue[] {
  return findDuplicates(entries, (e) => e.value.id).map((dup) =>
    configIssue(
      dup.item.file,
      '$.id',
      `id ${noun} '${dup.item.value.id}' sudah dipakai oleh ${dup.first.file}`,
    ),
  );
}

/** Rule 1: agency, profile and visit ids unique; service ids unique across the whole site. */
export function uniqueIds(set: ConfigSet): ConfigIssue[] {
  const services = findDuplicates(allServices(set.agencies), (ref) => ref.service.id).map(
    ({ item, first }) =>
      configIssue(
        item.agency.file,
        jsonPath('services', item.index, 'id'),
        `id layanan '${item.service.id}' sudah dipakai oleh ${first.agency.file} $.services[${first.index}]`,
      ),
  );
  return [
    ...uniqueEntryIds(set.agencies, 'instansi'),
    ...uniqueEntryIds(set.profiles, 'profil'),
    ...uniqueEntryIds(set.visits, 'kunjungan'),
    ...services,
  ];
}

type PrefixUse = { prefix: string; file: string; path: string; owner: string };

function prefixUses(set: ConfigSet): PrefixUse[] {
  return set.agencies.flatMap(({ file, value }) => [
    { prefix: value.prefix, file, path: '$.prefix', owner: file },
    ...value.services.flatMap((service, i) =>
      service.prefix === undefined
        ? []
        : [
            {
              prefix: service.prefix,
              file,
              path: jsonPath('services', i, 'prefix'),
              owner: `layanan '${service.id}' (${file})`,
            },
          ],
    ),
  ]);
}

/** Rule 2: every queue prefix (agency prefixes and services' own) is used once site-wide. */
export function uniquePrefixes(set: ConfigSet): ConfigIssue[] {
  return findDuplicates(prefixUses(set), (use) => use.prefix).map(({ item, first }) =>
    configIssue(
      item.file,
      item.path,
      `prefiks antrean '${item.prefix}' sudah dipakai oleh ${first.owner}`,
    ),
  );
}

/** Rule 9: each holiday date is listed once. */
export function uniqueHolidays(set: ConfigSet): ConfigIssue[] {
  const site = set.site;
  if (!site) return [];
  return findDuplicates(site.value.holidays ?? [], (date) => date).map((dup) =>
    configIssue(
      site.file,
      jsonPath('holidays', dup.index),
      `hari libur '${dup.item}' sudah ada di $.holidays[${dup.firstIndex}]`,
    ),
  );
}

/** Every cross-file rule, in the order their issues are reported. */
export const CROSS_FILE_RULES: readonly ConfigRule[] = [
  uniqueIds,
  uniquePrefixes,
  uniqueRequirementIds,
  questionsMatchRequirements,
  prerequisitesExist,
  desksExist,
  profileAgenciesExist,
  visitServicesExist,
  visitsDoNotOverlap,
  englishTextsComplete,
  uniqueHolidays,
  agencyGroupsValid,
];

/** Runs every cross-file rule on a parsed config set. */
export function checkCrossFileRules(set: ConfigSet): ConfigIssue[] {
  return CROSS_FILE_RULES.flatMap((rule) => rule(set));
}

export {
  agencyGroupsValid,
  englishTextsComplete,
  prerequisitesExist,
  profileAgenciesExist,
  questionsMatchRequirements,
  uniqueRequirementIds,
  visitServicesExist,
  visitsDoNotOverlap,
};
