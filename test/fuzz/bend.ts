/**
 * The vocabulary of bent pushes (./mutations.ts): what a mutation is, what the server must
 * answer it, and helpers that bend one event of a batch while keeping the rest valid —
 * free text where an id belongs, a number renumbered so its printed form agrees.
 */
import type { KioskEvent, TicketIssued } from '../../src/domain/events';
import { formatTicketNumber } from '../../src/domain/numbering';
import type { KnownService } from './config';
import { type Device, hostileDevices, type Model, pick } from './model';

/** What the server must answer a bent push: accepted (then judged), or refused with this status. */
export type Expect = 'accepted' | 400 | 403 | 409;
/** A ticket event, the only kind a push holds. */
export type Ticket = KioskEvent<'ticket.issued'>;
/** The event to bend, in its batch, with a generated value to choose with. */
export type Bend = { model: Model; device: Device; events: Ticket[]; at: number; value: number };
/** One way to bend an event, and the answer it must get. */
export type Mutation = {
  name: string;
  expect: Expect;
  apply: (b: Bend) => void;
  /** Whether the model holds what the mutation needs. */
  can?: (model: Model) => boolean;
};

/** Free text a hostile device may put where an id belongs (never control characters). */
export function hostileText(value: number): string {
  const texts = [
    `3201${String(value * 7919).padStart(12, '0')}`.slice(0, 16),
    `08${String(value * 104_729).padStart(10, '0')}`.slice(0, 12),
    'Budi Santoso',
    'Siti Nurhaliza binti Ahmad, Jl. Merdeka No. 1 RT 01/RW 02',
    '<script>alert(1)</script>',
    "'; DROP TABLE events; --",
    'ktp-el',
    'x'.repeat(64),
    'Ibu hamil 🙂',
  ];
  return texts[value % texts.length] as string;
}

/** The event the bend applies to. */
export const event = (b: Bend) => b.events[b.at % b.events.length] as Ticket;
/** Replaces payload fields of the bent event. */
export const setData = (b: Bend, data: Partial<TicketIssued>) => {
  const e = event(b);
  e.data = { ...e.data, ...data };
};
/** Sets a number (prefix, seq, tag) with the printed form agreeing. */
export function renumber(b: Bend, prefix: string, seq: number, emergencyTag?: string): void {
  const digits = b.model.site.config.site.numbering.digits;
  const { emergencyTag: _old, ...rest } = event(b).data;
  event(b).data = {
    ...rest,
    prefix,
    seq,
    number: formatTicketNumber({ prefix, seq, digits, emergencyTag }),
    ...(emergencyTag === undefined ? {} : { emergencyTag }),
  };
}
/** A service of the queue `prefix`. */
export const serviceOf = (b: Bend, prefix: string) =>
  b.model.site.services.find((s) => s.prefix === prefix) as KnownService;
/** Makes the bent event a ticket of `service` (its agency, no missing documents). */
export function useService(b: Bend, service: KnownService): void {
  setData(b, { agencyId: service.agencyId, serviceId: service.serviceId, missing: [] });
}
/** Another hostile device than the one pushing, revoked ones included. */
export const otherHostile = (b: Bend) =>
  pick(
    hostileDevices(b.model, true).filter((d) => d !== b.device),
    b.value,
  );
