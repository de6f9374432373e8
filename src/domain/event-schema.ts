/**
 * Validators for events that come from outside (network, storage read back): the
 * envelope and each type's payload. Must: accept exactly what ./events.ts describes.
 */
import * as v from 'valibot';
import {
  COLLECT_PLACES,
  type EventPayloads,
  type EventType,
  type KioskEvent,
  OUTCOMES,
  PRIORITY_CATEGORIES,
  type TicketIssued,
} from './events';
import { HLC_MAX_MS } from './hlc';
import { MAX_TICKET_SEQ, numberAgrees } from './numbering';
import { canonicalOf } from './ticket-ref';

// What a booked ticket may say (./bookings.ts): here, as every device validates events.
/** A booking code: letters, digits and dashes, 4 to 40 of them. */
export const BOOKING_CODE = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

/**
 * The most a ticket's booked arrival may differ from its issue: a window is within the
 * business day, so a device claiming more is not checking in a booking.
 */
export const MAX_BOOKED_SHIFT_MS = 16 * 3_600_000;

/** Steps one journey may have (a visit to the MPP, not a tour). */
export const MAX_JOURNEY_STEPS = 5;
/** Services one loket may serve at once. */
export const MAX_COUNTER_SERVICES = 50;

/** Requirement ids a citizen or a counter marked as missing (ids only, never free text). */
const requirementIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50));

export const TicketIssuedSchema = v.pipe(
  v.strictObject({
    number: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}-[A-Z]{0,3}\d{2,6}$/)),
    prefix: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/)),
    seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TICKET_SEQ)),
    emergencyTag: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/))),
    agencyId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    serviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    priority: v.nullable(v.picklist(PRIORITY_CATEGORIES)),
    purpose: v.picklist(['service', 'consultation']),
    missing: requirementIds,
    channel: v.picklist(['kiosk', 'mobile']),
    language: v.picklist(['id', 'en']),
    issuedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(HLC_MAX_MS)),
    journey: v.optional(
      v.pipe(
        v.strictObject({
          id: v.pipe(v.string(), v.uuid()),
          step: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_JOURNEY_STEPS)),
          of: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_JOURNEY_STEPS)),
          after: v.optional(v.pipe(v.string(), v.uuid())),
        }),
        v.check(
          (j) => j.step <= j.of && (j.step === 1) === (j.after === undefined),
          'step must be within the journey, and every step but the first must name the one before',
        ),
      ),
    ),
    personalRef: v.optional(v.pipe(v.string(), v.uuid())),
    booking: v.optional(
      v.strictObject({
        code: v.pipe(v.string(), v.regex(BOOKING_CODE)),
        arrivalMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      }),
    ),
  }),
  // The printed number is made from prefix, tag and seq: one that says otherwise is not a
  // number any device of ours printed.
  // A booked place is within the business day of the ticket: a device claiming more is not
  // checking in a booking (src/domain/bookings.ts).
  v.forward(
    v.check(
      (data: TicketIssued) =>
        data.booking?.arrivalMs === undefined ||
        Math.abs(data.booking.arrivalMs - data.issuedAt) <= MAX_BOOKED_SHIFT_MS,
      'a booked arrival is within the day of the ticket',
    ),
    ['booking'],
  ),
  v.forward(
    v.check(
      (data: TicketIssued) => numberAgrees(data),
      'must be the prefix, the emergency tag if any, and seq',
    ),
    ['number'],
  ),
) satisfies v.GenericSchema<unknown, TicketIssued>;

const id64 = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** A loket as the citizen is told it: "3", "12A". */
const loket = v.pipe(v.string(), v.regex(/^[0-9A-Z]{1,4}$/));
const action = { ticketId: v.pipe(v.string(), v.uuid()), loket, staffId: id64 };

export const TicketActionSchema = v.strictObject(action);
export const TicketCalledSchema = v.union([
  v.strictObject({ ...action, mode: v.literal('next') }),
  v.strictObject({
    ...action,
    mode: v.literal('specific'),
    reason: v.picklist(['returned', 'appointment', 'urgent', 'other']),
    unseen: v.optional(
      v.strictObject({
        number: v.pipe(
          v.string(),
          v.check((n) => canonicalOf(n) === n, 'must be a printed number without zero padding'),
        ),
        serviceId: v.optional(id64),
      }),
    ),
  }),
]);
export const CounterChangedSchema = v.strictObject({ loket, staffId: id64 });

/** Payload schemas by event type. */
export const EVENT_DATA: { [T in EventType]: v.GenericSchema<unknown, EventPayloads[T]> } = {
  'ticket.issued': TicketIssuedSchema,
  'ticket.called': TicketCalledSchema,
  'ticket.recalled': TicketActionSchema,
  'ticket.serving': TicketActionSchema,
  'ticket.finished': v.pipe(
    v.strictObject({
      ...action,
      outcome: v.picklist(OUTCOMES),
      ready: v.optional(
        v.strictObject({
          date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
          place: v.picklist(COLLECT_PLACES),
        }),
      ),
      missing: v.optional(requirementIds),
    }),
    v.check(
      (d) =>
        (d.ready === undefined || d.outcome === 'received') &&
        (d.missing === undefined || d.outcome === 'incomplete'),
      'ready only on received, missing only on incomplete',
    ),
  ),
  'ticket.no-show': TicketActionSchema,
  'ticket.transferred': v.strictObject({
    ...action,
    toAgencyId: id64,
    toServiceId: id64,
    toPrefix: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/)),
  }),
  'counter.opened': v.strictObject({
    loket,
    staffId: id64,
    serviceIds: v.pipe(v.array(id64), v.minLength(1), v.maxLength(MAX_COUNTER_SERVICES)),
  }),
  'counter.paused': CounterChangedSchema,
  'counter.closed': CounterChangedSchema,
};

export const EnvelopeSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  siteId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  deviceSeq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  hlc: v.pipe(v.string(), v.regex(/^[0-9a-f]{12}-[0-9a-f]{4}$/)),
  businessDay: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  type: v.picklist(Object.keys(EVENT_DATA) as EventType[]),
  data: v.unknown(),
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export type EventIssue = { path: string; message: string };

/** Validates an event from outside (network, storage) and its payload for its type. */
export function parseEvent(
  input: unknown,
): { ok: true; event: KioskEvent } | { ok: false; issues: EventIssue[] } {
  const envelope = v.safeParse(EnvelopeSchema, input);
  if (!envelope.success) return { ok: false, issues: toIssues(envelope.issues) };
  const data = v.safeParse(EVENT_DATA[envelope.output.type], envelope.output.data);
  if (!data.success) {
    return {
      ok: false,
      issues: toIssues(data.issues).map((i) => ({ ...i, path: `data${i.path}` })),
    };
  }
  return { ok: true, event: { ...envelope.output, data: data.output } as KioskEvent };
}

function toIssues(issues: readonly v.BaseIssue<unknown>[]): EventIssue[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => `.${String(p.key)}`).join(''),
    message: issue.message,
  }));
}
