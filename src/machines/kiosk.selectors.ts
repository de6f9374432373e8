/** Derived views of the kiosk context: pure, shared by the machine's guards and the UI. */
import type { Availability } from '../domain/availability';
import type { Agency, ConfigBundle, Service } from '../domain/config/schema';
import { checkRequirements, pendingQuestions, type RequirementCheck } from '../domain/requirements';
import type { KioskContext, Place } from './kiosk.types';

/** Services of an agency offered at this place (lobby or mobile), in config order. */
export function servicesAt(agency: Agency, place: Place): Service[] {
  return agency.services.filter((service) => service.offeredAt.includes(place));
}

/** Agencies this kiosk shows: the profile's list and order, only those with a service here. */
export function visibleAgencies(ctx: Pick<KioskContext, 'config' | 'profile' | 'place'>): Agency[] {
  const byId = new Map(ctx.config.agencies.map((agency) => [agency.id, agency]));
  const ids = ctx.profile.agencies ?? ctx.config.agencies.map((agency) => agency.id);
  return ids
    .map((id) => byId.get(id))
    .filter((agency): agency is Agency => agency !== undefined)
    .filter((agency) => servicesAt(agency, ctx.place).length > 0);
}

/** Each config's services by id, built once per config (tiles ask for every service). */
const serviceIndexes = new WeakMap<
  ConfigBundle,
  Map<string, { agency: Agency; service: Service }>
>();

/** Finds a service and its agency anywhere in the config (the first one, in config order). */
export function findService(
  config: ConfigBundle,
  serviceId: string,
): { agency: Agency; service: Service } | null {
  let index = serviceIndexes.get(config);
  if (index === undefined) {
    index = new Map();
    for (const agency of config.agencies) {
      for (const service of agency.services) {
        if (!index.has(service.id)) index.set(service.id, { agency, service });
      }
    }
    serviceIndexes.set(config, index);
  }
  return index.get(serviceId) ?? null;
}

/** The agency the citizen chose, if any. */
export function currentAgency(ctx: KioskContext): Agency | null {
  return ctx.config.agencies.find((agency) => agency.id === ctx.agencyId) ?? null;
}

/** The service the citizen chose, if any. */
export function currentService(ctx: KioskContext): Service | null {
  return ctx.serviceId ? (findService(ctx.config, ctx.serviceId)?.service ?? null) : null;
}

/**
 * Availability of a service: closed when the config says it is not offered here, else as
 * last reported by the composition root (open without quota until the first report).
 */
export function availabilityOf(ctx: KioskContext, serviceId: string): Availability {
  const service = findService(ctx.config, serviceId)?.service;
  if (!service || service.available === false || !service.offeredAt.includes(ctx.place)) {
    return { state: 'closed', reason: 'not-offered' };
  }
  return ctx.availability[serviceId] ?? { state: 'open', remaining: null };
}

/** Where the citizen stands in the requirements check of the chosen service. */
export function requirementCheck(ctx: KioskContext): RequirementCheck | null {
  const service = currentService(ctx);
  return service ? checkRequirements(service, ctx.answers) : null;
}

/** The next conditional question to ask, if any. */
export function nextQuestion(ctx: KioskContext) {
  const service = currentService(ctx);
  return service ? (pendingQuestions(service, ctx.answers)[0] ?? null) : null;
}

/**
 * Prerequisites at other agencies that apply to this citizen (a conditional one only when
 * its question was answered that way), resolved to names the citizen knows, and whether
 * this kiosk can take them there.
 */
export function prerequisitesOf(ctx: KioskContext) {
  const service = currentService(ctx);
  const visible = new Set(visibleAgencies(ctx).map((agency) => agency.id));
  return (service?.prerequisites ?? [])
    .filter((p) => p.when === undefined || ctx.answers.questions[p.when.question] === p.when.answer)
    .map((prerequisite) => {
      const agency = ctx.config.agencies.find((a) => a.id === prerequisite.agency) ?? null;
      const target = prerequisite.service ? findService(ctx.config, prerequisite.service) : null;
      const reachable =
        visible.has(prerequisite.agency) &&
        (target === null || target.service.offeredAt.includes(ctx.place));
      return { prerequisite, agency, service: target?.service ?? null, reachable };
    });
}
