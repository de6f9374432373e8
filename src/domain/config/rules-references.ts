/** Cross-file rules on references: prerequisites, profile agencies and visit services. */
import {
  type ConfigSet,
  findDuplicates,
  mayBeUnparsedAgency,
  mayBeUnparsedService,
  type ServiceRef,
} from './config-set';
import { type ConfigIssue, configIssue, jsonPath } from './issues';
import { eachService } from './rules-service';
import type { Prerequisite } from './schema';

function prerequisiteProblem(
  set: ConfigSet,
  ownAgency: string,
  prerequisite: Prerequisite,
): { field: 'agency' | 'service'; message: string } | undefined {
  const { agency, service } = prerequisite;
  if (agency === ownAgency) {
    return { field: 'agency', message: 'prasyarat tidak boleh di instansi layanan ini sendiri' };
  }
  if (!set.agencyById.has(agency)) {
    if (mayBeUnparsedAgency(set, agency)) return undefined;
    return { field: 'agency', message: `instansi '${agency}' tidak ada` };
  }
  if (service === undefined) return undefined;
  const found = set.serviceById.get(service);
  if (!found) {
    if (mayBeUnparsedService(set, service)) return undefined;
    return { field: 'service', message: `layanan '${service}' tidak ada` };
  }
  if (found.agency.value.id === agency) return undefined;
  return {
    field: 'service',
    message: `layanan '${service}' bukan milik instansi '${agency}' (ada di ${found.agency.file})`,
  };
}

function prerequisitesOf(set: ConfigSet, { agency, service, index }: ServiceRef): ConfigIssue[] {
  return (service.prerequisites ?? []).flatMap((prerequisite, p) => {
    const problem = prerequisiteProblem(set, agency.value.id, prerequisite);
    if (!problem) return [];
    const path = jsonPath('services', index, 'prerequisites', p, problem.field);
    return [configIssue(agency.file, path, problem.message)];
  });
}

/** Rule 5: a prerequisite names another agency that exists and, if given, one of its services. */
export function prerequisitesExist(set: ConfigSet): ConfigIssue[] {
  return eachService(set, (ref) => prerequisitesOf(set, ref));
}

/** Rule 5b: a service served at another agency's desk names another agency of the site. */
export function desksExist(set: ConfigSet): ConfigIssue[] {
  return eachService(set, ({ agency, service, index }) => {
    const desk = service.servedAt;
    if (desk === undefined) return [];
    const path = jsonPath('services', index, 'servedAt');
    if (desk === agency.value.id) {
      return [configIssue(agency.file, path, 'loket instansinya sendiri: hapus servedAt')];
    }
    if (set.agencyById.has(desk) || mayBeUnparsedAgency(set, desk)) return [];
    return [configIssue(agency.file, path, `instansi '${desk}' tidak ada`)];
  });
}

/** Rule 6: a profile's `agencies` exist and are listed once. */
export function profileAgenciesExist(set: ConfigSet): ConfigIssue[] {
  return set.profiles.flatMap(({ file, value }) => {
    const ids = value.agencies ?? [];
    const repeated = findDuplicates(ids, (id) => id).map((dup) =>
      configIssue(
        file,
        jsonPath('agencies', dup.index),
        `instansi '${dup.item}' sudah disebut di $.agencies[${dup.firstIndex}]`,
      ),
    );
    const missing = ids.flatMap((id, i) =>
      set.agencyById.has(id) || mayBeUnparsedAgency(set, id)
        ? []
        : [configIssue(file, jsonPath('agencies', i), `instansi '${id}' tidak ada`)],
    );
    return [...repeated, ...missing];
  });
}

function visitServiceProblem(set: ConfigSet, id: string): string | undefined {
  const found = set.serviceById.get(id);
  if (!found) return mayBeUnparsedService(set, id) ? undefined : `layanan '${id}' tidak ada`;
  if (found.service.offeredAt.includes('mobile')) return undefined;
  return `layanan '${id}' tidak ditawarkan di MPP bergerak (offeredAt tanpa "mobile", ${found.agency.file})`;
}

/** Rule 7: a visit's services exist, are offered by mobile units and are listed once. */
export function visitServicesExist(set: ConfigSet): ConfigIssue[] {
  return set.visits.flatMap(({ file, value }) => {
    const repeated = findDuplicates(value.services, (s) => s.service).map((dup) =>
      configIssue(
        file,
        jsonPath('services', dup.index, 'service'),
        `layanan '${dup.item.service}' sudah disebut di $.services[${dup.firstIndex}]`,
      ),
    );
    const wrong = value.services.flatMap(({ service }, i) => {
      const problem = visitServiceProblem(set, service);
      return problem ? [configIssue(file, jsonPath('services', i, 'service'), problem)] : [];
    });
    return [...repeated, ...wrong];
  });
}
