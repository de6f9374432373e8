/**
 * The event log's envelope and the payload of each event type. Every state change on
 * any device is one of these, appended locally first and never modified.
 * Must: `id` is made once and reused on every resend; `deviceSeq` is contiguous per
 * device; `hlc` strictly increases per device (see ./hlc.ts). The validators live in
 * ./event-schema.ts, so code that only writes events does not carry them.
 */

import type { TicketBooking } from './bookings';

export const PRIORITY_CATEGORIES = ['lansia', 'disabilitas', 'hamil', 'balita'] as const;
/** A priority group, stored as a category only (never a reason or a health detail). */
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

/** A ticket was issued: the number and what it is for; never personal data. */
export type TicketIssued = {
  /** Printed number, e.g. "A-012"; emergency numbers carry the device tag: "A-K001". */
  number: string;
  /** Queue = ticket prefix. */
  prefix: string;
  seq: number;
  /** Device tag when the number comes from the device's own namespace. */
  emergencyTag?: string;
  agencyId: string;
  serviceId: string;
  priority: PriorityCategory | null;
  /** 'consultation' when a mandatory requirement was missing and the citizen queued anyway. */
  purpose: 'service' | 'consultation';
  /** Ids of requirements the citizen marked as missing (no personal data). */
  missing: string[];
  channel: 'kiosk' | 'mobile';
  language: 'id' | 'en';
  /** Wall-clock ms (device clock + server offset) when issued; for display only. */
  issuedAt: number;
  /** Set when the ticket is one step of a journey across agencies. */
  journey?: JourneyStep;
  /** Set when the ticket checks in a booking made elsewhere (./bookings.ts). */
  booking?: TicketBooking;
  /**
   * The reference of personal data the citizen consented to give for this ticket, sent
   * apart and forgotten after the retention (./personal-data.ts): never the data itself.
   */
  personalRef?: string;
};

/**
 * One step of a journey across agencies: the tickets of one visit, in order. A step with
 * `after` waits until the ticket `after` is finished, then joins its queue keeping its own
 * arrival time (src/domain/queue.ts).
 */
export type JourneyStep = {
  /** Shared by every ticket of the journey (a UUID, not a person). */
  id: string;
  /** 1-based position in the journey. */
  step: number;
  /** How many steps the journey has. */
  of: number;
  /** The ticket of the step before; absent on the first step. */
  after?: string;
};

/**
 * What a counter did to a ticket. The counter is the event's device; `loket` is what the
 * citizen is told ("loket 3"); `staffId` is pseudonymous (never a name). The event's
 * businessDay is the ticket's, so each day's state holds every action on its tickets.
 */
export type TicketAction = {
  ticketId: string;
  loket: string;
  staffId: string;
};

/** A ticket was called: the next in serving order, or a specific one out of order. */
export type TicketCalled = TicketAction &
  (
    | { mode: 'next' }
    | {
        mode: 'specific';
        reason: 'returned' | 'appointment' | 'urgent' | 'other';
        unseen?: UnseenTicket;
      }
  );

/**
 * What a counter knew of a ticket its replica had not seen when it called it: the printed
 * number in its canonical form ("A-12", ./ticket-ref.ts), and the service when the ticket's
 * QR said. A call by typed number names the ticket by the number's reference id.
 */
export type UnseenTicket = { number: string; serviceId?: string };

/**
 * How a counter finished with a ticket: served (`done`), the file received to be processed
 * at the office (`received`: an MPP bergerak team takes it back), or requirements missing
 * (`incomplete`: the citizen comes back with them).
 */
export const OUTCOMES = ['done', 'received', 'incomplete'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where a citizen collects what a received file becomes. */
export const COLLECT_PLACES = ['mpp', 'kelurahan'] as const;
export type CollectPlace = (typeof COLLECT_PLACES)[number];

export type TicketFinished = TicketAction & {
  outcome: Outcome;
  /** On `received`: from which day, and where, the product can be collected. */
  ready?: { date: string; place: CollectPlace };
  /** On `incomplete`: the ids of the requirements missing (no personal data). */
  missing?: string[];
};

/** The citizen is sent to another service (maybe of another agency), keeping their arrival. */
export type TicketTransferred = TicketAction & {
  toAgencyId: string;
  toServiceId: string;
  /** The queue of the service the ticket moves to. */
  toPrefix: string;
};

/** A loket opened (or changed its services), paused or closed on the event's device. */
export type CounterOpened = { loket: string; staffId: string; serviceIds: string[] };
export type CounterChanged = { loket: string; staffId: string };

/** Payload type by event type. New types are added here, never repurposed. */
export type EventPayloads = {
  'ticket.issued': TicketIssued;
  'ticket.called': TicketCalled;
  'ticket.recalled': TicketAction;
  'ticket.serving': TicketAction;
  'ticket.finished': TicketFinished;
  'ticket.no-show': TicketAction;
  'ticket.transferred': TicketTransferred;
  'counter.opened': CounterOpened;
  'counter.paused': CounterChanged;
  'counter.closed': CounterChanged;
};

/** Event types that act on one ticket (their data has `ticketId`). */
export const TICKET_ACTIONS = [
  'ticket.called',
  'ticket.recalled',
  'ticket.serving',
  'ticket.finished',
  'ticket.no-show',
  'ticket.transferred',
] as const satisfies readonly EventType[];
export type TicketActionType = (typeof TICKET_ACTIONS)[number];

/** Event types that change a loket's state. */
export const COUNTER_CHANGES = [
  'counter.opened',
  'counter.paused',
  'counter.closed',
] as const satisfies readonly EventType[];
export type CounterChangeType = (typeof COUNTER_CHANGES)[number];
export type EventType = keyof EventPayloads;
export type EventData<T extends EventType> = EventPayloads[T];

export const EVENT_SCHEMA_VERSION = 1;

/** One immutable fact in the log. */
export type KioskEvent<T extends EventType = EventType> = {
  id: string;
  siteId: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  businessDay: string;
  type: T;
  data: EventData<T>;
  v: number;
};

/** Narrows an event to one type. */
export function isEventOf<T extends EventType>(event: KioskEvent, type: T): event is KioskEvent<T> {
  return event.type === type;
}

/** Whether an event acts on one ticket. */
export function isTicketAction(event: KioskEvent): event is KioskEvent<TicketActionType> {
  return (TICKET_ACTIONS as readonly string[]).includes(event.type);
}

/** Whether an event changes a loket's state. */
export function isCounterChange(event: KioskEvent): event is KioskEvent<CounterChangeType> {
  return (COUNTER_CHANGES as readonly string[]).includes(event.type);
}
