/**
 * What the queue state (./queue.ts) shows of its tickets and lokets: the read side every
 * surface shares, the same on every device and on the server.
 */
import type {
  CollectPlace,
  JourneyStep,
  Outcome,
  PriorityCategory,
  TicketActionType,
} from './events';

/** Where a ticket stands. */
export type TicketStatus = 'waiting' | 'held' | 'called' | 'serving' | 'done' | 'no-show';

/** One ticket as the queue sees it; `id` is the id of its ticket.issued event. */
export type TicketView = {
  id: string;
  /** As printed; `prefix` and `seq` are the printed number's, `queue` where it waits now. */
  number: string;
  prefix: string;
  seq: number;
  /** The service it is for now (a transfer changes these; `issuedServiceId` does not). */
  agencyId: string;
  serviceId: string;
  queue: string;
  issuedServiceId: string;
  priority: PriorityCategory | null;
  purpose: 'service' | 'consultation';
  businessDay: string;
  /** Arrival: the issue event's HLC and device, kept across transfers. */
  hlc: string;
  deviceId: string;
  issuedAt: number;
  status: TicketStatus;
  /** The loket that called it (while called, serving, done or no-show). */
  loket: string | null;
  /** The device (counter) that holds it while called or serving. */
  holder: string | null;
  calls: number;
  recalls: number;
  transfers: number;
  outcome: Outcome | null;
  journey: JourneyStep | null;
  /** HLC of its last call or recall (what the board shows newest first). */
  calledHlc: string | null;
  /** Where it was issued: the lobby kiosk or an MPP bergerak unit. */
  channel: 'kiosk' | 'mobile';
  /** From issue to its first call (HLC times); null until called. */
  waitMs: number | null;
  /** From "serving" to its finish (HLC times); null until finished after serving. */
  serviceMs: number | null;
  /** What its finish recorded: where and when to collect (received), what was missing (incomplete). */
  ready: { date: string; place: CollectPlace } | null;
  missingAtFinish: readonly string[];
};

/** A loket as its last change says. */
export type CounterView = {
  deviceId: string;
  loket: string;
  state: 'open' | 'paused' | 'closed';
  serviceIds: readonly string[];
  staffId: string;
  businessDay: string;
  hlc: string;
};

/** A counter's action the ticket rules refused: shown to that counter, never dropped. */
export type ActionConflict = {
  eventId: string;
  type: TicketActionType;
  ticketId: string;
  deviceId: string;
  loket: string;
  /** Where the ticket stands, and which loket holds it, in the converged state. */
  status: TicketStatus;
  heldAt: string | null;
};

/** One printed number issued more than once in a (day, prefix): every ticket involved. */
export type DuplicateNumber = { businessDay: string; number: string; ticketIds: string[] };

/** The read side every surface shares (QueueBook implements it). */
export type QueueState = {
  /** Every ticket by id, in issue order. */
  readonly tickets: ReadonlyMap<string, TicketView>;
  /** queueKey(day, queue) → waiting ticket ids in serving order; empty queues left out. */
  readonly waiting: ReadonlyMap<string, readonly string[]>;
  /** serviceDayKey(day, serviceId) → tickets issued for it (transfers do not count). */
  readonly issuedByService: ReadonlyMap<string, number>;
  readonly duplicates: readonly DuplicateNumber[];
};
