/**
 * The parsed config as the cross-file rules see it: every file that passed its schema,
 * with the path it came from, plus what is known of the files that did not parse (so a
 * reference to a broken file is not also reported as a reference to nothing).
 */
import type { Agency, Profile, Service, Site, Visit } from './schema';

/** A parsed config file and the path it came from. */
export type Entry<T> = { file: string; value: T };

/** A service and where it sits: its agency's file and its index in `services`. */
export type ServiceRef = { agency: Entry<Agency>; service: Service; index: number };

/** Ids declared by agency files that failed to parse; `servicesUnknown` when not even those. */
export type Unparsed = {
  agencyIds: Set<string>;
  serviceIds: Set<string>;
  servicesUnknown: boolean;
};

/** Everything the cross-file rules look at. */
export type ConfigSet = {
  site?: Entry<Site>;
  agencies: Entry<Agency>[];
  profiles: Entry<Profile>[];
  visits: Entry<Visit>[];
  unparsed: Unparsed;
  /** Every agency by id (first one wins when ids repeat). */
  agencyById: Map<string, Entry<Agency>>;
  /** Every service by id, site-wide (first one wins when ids repeat). */
  serviceById: Map<string, ServiceRef>;
};

/** The parts a config set is built from. */
export type ConfigSetParts = Omit<ConfigSet, 'agencyById' | 'serviceById'>;

/** Nothing unparsed: what a complete, schema-valid config has. */
export function noUnparsed(): Unparsed {
  return { agencyIds: new Set(), serviceIds: new Set(), servicesUnknown: false };
}

/** Every service of every agency, in file order. */
export function allServices(agencies: readonly Entry<Agency>[]): ServiceRef[] {
  return agencies.flatMap((agency) =>
    agency.value.services.map((service, index) => ({ agency, service, index })),
  );
}

/** Indexes the parts by id for the rules. */
export function buildConfigSet(parts: ConfigSetParts): ConfigSet {
  const agencyById = new Map<string, Entry<Agency>>();
  for (const agency of parts.agencies) {
    if (!agencyById.has(agency.value.id)) agencyById.set(agency.value.id, agency);
  }
  const serviceById = new Map<string, ServiceRef>();
  for (const ref of allServices(parts.agencies)) {
    if (!serviceById.has(ref.service.id)) serviceById.set(ref.service.id, ref);
  }
  return { ...parts, agencyById, serviceById };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Records what a broken agency file still tells: its id (from its name) and its service ids. */
export function noteUnparsedAgency(unparsed: Unparsed, agencyId: string, content: unknown): void {
  unparsed.agencyIds.add(agencyId);
  const services = isRecord(content) ? content.services : undefined;
  if (!Array.isArray(services)) {
    unparsed.servicesUnknown = true;
    return;
  }
  for (const service of services) {
    if (isRecord(service) && typeof service.id === 'string') unparsed.serviceIds.add(service.id);
    else unparsed.servicesUnknown = true;
  }
}

/** True when `id` may name an agency of a file that did not parse. */
export function mayBeUnparsedAgency(set: ConfigSet, id: string): boolean {
  return set.unparsed.agencyIds.has(id);
}

/** True when `id` may name a service in a file that did not parse. */
export function mayBeUnparsedService(set: ConfigSet, id: string): boolean {
  return set.unparsed.servicesUnknown || set.unparsed.serviceIds.has(id);
}

/** A repeated item: where it is and where the same key first appeared. */
export type Duplicate<T> = { item: T; index: number; first: T; firstIndex: number };

/** Every item whose key was already seen, paired with the first item of that key. */
export function findDuplicates<T>(items: readonly T[], key: (item: T) => string): Duplicate<T>[] {
  const seen = new Map<string, number>();
  const duplicates: Duplicate<T>[] = [];
  items.forEach((item, index) => {
    const firstIndex = seen.get(key(item));
    if (firstIndex === undefined) seen.set(key(item), index);
    else duplicates.push({ item, index, first: items[firstIndex] as T, firstIndex });
  });
  return duplicates;
}
