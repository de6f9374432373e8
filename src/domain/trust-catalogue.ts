/**
 * What a pushed event names, screened against the site's catalogue (every config version
 * it ever published): the "unknown" quarantine rows of TRUST_RULES (./trust.ts).
 */
import { type Catalogue, queueOf } from './config/catalogue';
import type { TicketIssued, TicketTransferred } from './events';
import type { QuarantineReason } from './trust';

/** The quarantine reasons of a ticket against the catalogue; [] when it names only known things. */
export function screenTicket(data: TicketIssued, catalogue: Catalogue): QuarantineReason[] {
  const service = catalogue.services.get(data.serviceId);
  if (service === undefined || !agencyOffers(service.queues, data.agencyId)) {
    return ['unknown_service'];
  }
  const reasons: QuarantineReason[] = [];
  if (!service.queues.has(queueOf(data.agencyId, data.prefix))) reasons.push('unknown_queue');
  if (data.missing.some((id) => !service.requirements.has(id))) reasons.push('unknown_requirement');
  return reasons;
}

/** A loket's services: every id must be a service some published config had. */
export function screenServices(
  serviceIds: readonly string[],
  catalogue: Catalogue,
): QuarantineReason[] {
  return serviceIds.every((id) => catalogue.services.has(id)) ? [] : ['unknown_service'];
}

/** The quarantine reasons of a transfer's target against the catalogue. */
export function screenTransfer(data: TicketTransferred, catalogue: Catalogue): QuarantineReason[] {
  const service = catalogue.services.get(data.toServiceId);
  if (service === undefined || !agencyOffers(service.queues, data.toAgencyId)) {
    return ['unknown_service'];
  }
  return service.queues.has(queueOf(data.toAgencyId, data.toPrefix)) ? [] : ['unknown_queue'];
}

function agencyOffers(queues: ReadonlySet<string>, agencyId: string): boolean {
  const head = queueOf(agencyId, '');
  for (const queue of queues) if (queue.startsWith(head)) return true;
  return false;
}
