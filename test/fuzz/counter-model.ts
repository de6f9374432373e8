/**
 * What the fuzz expects of a ticket once counters acted on it, written out from the rules
 * of src/domain/queue.ts (not its code): a ticket's actions of its own business day, in
 * log order (hlc, deviceId, id as plain strings), each applied only when it is allowed —
 * a call from waiting or no-show takes the ticket to the calling loket; serving, finishing,
 * no-show and transfer only by the holder, from called (finished and transferred also from
 * serving); a transfer puts it back to waiting in the target's queue. Anything else is a
 * conflict and changes nothing. Also: which waiting ticket an honest loket calls next.
 */
import type { Outcome, TicketActionType } from '../../src/domain/events';
import type { KnownService } from './config';
import { key, type Model, type TicketRef } from './model';

/** One stored, unquarantined counter action on a ticket. */
export type ActionRef = {
  id: string;
  hlc: string;
  deviceId: string;
  type: TicketActionType;
  loket: string;
  outcome?: Outcome;
  to?: { agencyId: string; serviceId: string; prefix: string };
};

/** Where a ticket stands as its public page must show it. */
export type TicketNow = {
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no-show';
  loket: string | null;
  holder: string | null;
  agencyId: string;
  serviceId: string;
  transfers: number;
  /** Actions the rules refused. */
  conflicts: number;
};

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const logOrder = (a: ActionRef, b: ActionRef) =>
  plain(a.hlc, b.hlc) || plain(a.deviceId, b.deviceId) || plain(a.id, b.id);

/** The service a known ticket was issued for. */
export function serviceOfRef(model: Model, ref: TicketRef): KnownService {
  const service = model.site.services.find((s) => s.serviceId === ref.serviceId);
  if (service === undefined) throw new Error(`harness: unknown service ${ref.serviceId}`);
  return service;
}

/** The ticket after every stored action of its day, as the rules say. */
export function ticketNow(model: Model, ref: TicketRef): TicketNow {
  const service = serviceOfRef(model, ref);
  const now: TicketNow = {
    status: 'waiting',
    loket: null,
    holder: null,
    agencyId: service.agencyId,
    serviceId: service.serviceId,
    transfers: 0,
    conflicts: 0,
  };
  const actions = [...(model.actions.get(key(ref.day, ref.id)) ?? [])].sort(logOrder);
  for (const action of actions) {
    const holds = now.holder === action.deviceId;
    const called = now.status === 'called';
    const busy = called || now.status === 'serving';
    let ok = holds && called;
    switch (action.type) {
      case 'ticket.called':
        ok = now.status === 'waiting' || now.status === 'no-show' || (called && holds);
        if (ok && !called) Object.assign(now, { status: 'called', holder: action.deviceId });
        if (ok && !called) now.loket = action.loket;
        break;
      case 'ticket.recalled':
        break;
      case 'ticket.serving':
        if (ok) now.status = 'serving';
        break;
      case 'ticket.finished':
        ok = busy && holds;
        if (ok) now.status = 'done';
        break;
      case 'ticket.no-show':
        if (ok) Object.assign(now, { status: 'no-show', holder: null });
        break;
      case 'ticket.transferred':
        ok = busy && holds;
        if (ok && action.to) {
          const { agencyId, serviceId } = action.to;
          Object.assign(now, { status: 'waiting', holder: null, loket: null, agencyId, serviceId });
          now.transfers += 1;
        }
        break;
    }
    if (!ok) now.conflicts += 1;
  }
  return now;
}

/** Tickets looked at, at most, for the next one a loket calls. */
const LOOK_AT = 300;

/**
 * A ticket a loket serving `agencies` may call now: unquarantined, now of one of them,
 * waiting or no-show; looked for from `start` among the model's tickets.
 */
export function callable(
  model: Model,
  agencies: readonly string[],
  start: number,
): TicketRef | undefined {
  const n = model.tickets.length;
  for (let i = 0; i < Math.min(n, LOOK_AT); i++) {
    const ref = model.tickets[(start + i) % n] as TicketRef;
    if (ref.quarantined) continue;
    const now = ticketNow(model, ref);
    if (!agencies.includes(now.agencyId)) continue;
    if (now.status === 'waiting' || now.status === 'no-show') return ref;
  }
  return undefined;
}
