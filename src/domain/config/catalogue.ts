/**
 * The catalogue of a site: every agency, service, queue prefix and requirement id that any
 * config version the site has published ever named, with the newest names. A pushed event
 * may only name what is in it (./../trust.ts); public pages show names from it, never the
 * strings a device sent. A device offline with an older config stays within it.
 */
import type { ConfigBundle, LocalText } from './schema';

/** One service as the catalogue knows it. */
export type CatalogueService = {
  /** The newest names of the service and its agency. */
  name: LocalText;
  agencyName: LocalText;
  /** `agencyId \n prefix` pairs it was ever issued under. */
  queues: ReadonlySet<string>;
  /** Every requirement and alternative id it ever had. */
  requirements: ReadonlySet<string>;
  /** Agencies whose lokets ever served it besides its own (`servedAt`). */
  desks: ReadonlySet<string>;
};

/** Everything a site ever published, by service id. */
export type Catalogue = {
  /** Versions it was built from, oldest first. */
  versions: readonly string[];
  services: ReadonlyMap<string, CatalogueService>;
  /** By agency: the other agencies whose lokets ever served some of its services. */
  desksOf: ReadonlyMap<string, ReadonlySet<string>>;
};

type MutableService = {
  name: LocalText;
  agencyName: LocalText;
  queues: Set<string>;
  requirements: Set<string>;
  desks: Set<string>;
};

/** The key of an (agency, prefix) pair in `CatalogueService.queues`. */
export function queueOf(agencyId: string, prefix: string): string {
  return `${agencyId}\n${prefix}`;
}

/** The catalogue of these versions, oldest first: later names win, ids only add up. */
export function buildCatalogue(bundles: readonly ConfigBundle[]): Catalogue {
  const services = new Map<string, MutableService>();
  const desksOf = new Map<string, Set<string>>();
  for (const bundle of bundles) {
    for (const agency of bundle.agencies) {
      for (const service of agency.services) {
        const known = services.get(service.id) ?? {
          name: service.name,
          agencyName: agency.shortName,
          queues: new Set<string>(),
          requirements: new Set<string>(),
          desks: new Set<string>(),
        };
        known.name = service.name;
        known.agencyName = agency.shortName;
        known.queues.add(queueOf(agency.id, service.prefix ?? agency.prefix));
        if (service.servedAt !== undefined) {
          known.desks.add(service.servedAt);
          const desks = desksOf.get(agency.id) ?? new Set<string>();
          desks.add(service.servedAt);
          desksOf.set(agency.id, desks);
        }
        for (const requirement of service.requirements) {
          known.requirements.add(requirement.id);
          for (const option of requirement.anyOf ?? []) known.requirements.add(option.id);
        }
        services.set(service.id, known);
      }
    }
  }
  return { versions: bundles.map((b) => b.version), services, desksOf };
}
