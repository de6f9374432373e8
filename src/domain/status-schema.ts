/**
 * The schema of the site server's public answer about a ticket (GET /api/v1/tickets/:id and
 * its stream): the one definition the TicketStatus type of ./protocol.ts comes from, and
 * what tests hold every answer to. The phone page only imports the type (no validator in
 * its 30 KB). Must: nothing personal — numbers, the catalogue's names, states, figures.
 */
import * as v from 'valibot';
import { LanguageSchema, LocalTextSchema } from './config/schema';
import { MAX_JOURNEY_STEPS } from './event-schema';
import { COLLECT_PLACES, OUTCOMES } from './events';
import type { TicketStatus as QueueStatus } from './queue';
import { isCalendarDay } from './request-fields';

const QUEUE_STATUSES = [
  'waiting',
  'held',
  'called',
  'serving',
  'done',
  'no-show',
] as const satisfies readonly QueueStatus[];

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const stepNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_JOURNEY_STEPS));

/** What the citizen is told of one ticket: the same fields for a journey's every step. */
const ticketFields = {
  id: v.pipe(v.string(), v.uuid()),
  number: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}-[A-Z]{0,3}\d{2,6}$/)),
  /** The service it is for now (a transfer moves it) and its agency. */
  agencyId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  serviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** Names from the site's config (never what a device sent): agency short name, service name. */
  agencyName: LocalTextSchema,
  serviceName: LocalTextSchema,
  status: v.picklist(QUEUE_STATUSES),
  /** The loket that called it, once called. */
  loket: v.nullable(v.pipe(v.string(), v.regex(/^[0-9A-Z]{1,4}$/))),
  peopleAhead: count,
  waitMinutes: count,
};

/** One step of a journey as the phone page lists it. */
export const JourneyStepStatusSchema = v.strictObject({ step: stepNumber, ...ticketFields });

/** The journey a ticket belongs to: every step the server holds, in order. */
export const JourneyStatusSchema = v.strictObject({
  /** This ticket's step, and how many the journey has. */
  step: stepNumber,
  of: stepNumber,
  /** The step the citizen is at now: the first one not finished, else the last. */
  current: stepNumber,
  steps: v.pipe(v.array(JourneyStepStatusSchema), v.maxLength(MAX_JOURNEY_STEPS)),
});

/** GET /api/v1/tickets/:id — a ticket's status for the citizen's phone (no token). */
export const TicketStatusSchema = v.strictObject({
  ...ticketFields,
  businessDay: v.pipe(v.string(), v.check(isCalendarDay)),
  issuedAt: count,
  /** The language the citizen took it in: the phone page speaks it first, with a switch. */
  language: LanguageSchema,
  /** How often a counter sent it on to another service (it keeps its arrival). */
  transfers: count,
  /** Its journey across agencies, or null. */
  journey: v.nullable(JourneyStatusSchema),
  /**
   * What the counter recorded when it finished it, or null before: a file received to be
   * processed (when and where to collect the product), or the requirements that were
   * missing (their names from the site's config).
   */
  finish: v.nullable(
    v.strictObject({
      outcome: v.picklist(OUTCOMES),
      ready: v.nullable(
        v.strictObject({
          date: v.pipe(v.string(), v.check(isCalendarDay)),
          place: v.picklist(COLLECT_PLACES),
        }),
      ),
      missing: v.pipe(v.array(LocalTextSchema), v.maxLength(50)),
    }),
  ),
  /** The coming MPP bergerak visits, one line each ("MPP bergerak: Kelurahan …"). */
  visits: v.pipe(v.array(LocalTextSchema), v.maxLength(3)),
  /**
   * The SKM survey (src/domain/skm.ts) of a ticket that was served: open until its answer
   * came, then answered; null while it is not served (or was a no-show).
   */
  survey: v.nullable(v.picklist(['open', 'answered'])),
});
