import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KioskEvent, TicketActionType } from '../../src/domain/events';
import { encodeHlc } from '../../src/domain/hlc';
import { QueueBook } from '../../src/domain/queue';
import {
  conflictsOf,
  counters,
  foldQueue,
  nextFor,
  queueState,
  recentCalls,
  serviceTimes,
} from '../../src/domain/queue-read';
import { canonicalOf, numberRefId } from '../../src/domain/ticket-ref';
import {
  counterChange,
  FIXTURE_MS,
  fixtureId,
  ticketAction,
  ticketIssued,
} from '../fixtures/events';

/**
 * The incremental queue state against the fold: any order of the same events, with resends
 * and copies of an id that differ, applied one at a time, leaves the state `foldQueue`
 * makes from the whole log — tickets, serving orders, counts, duplicates, lokets, refused
 * actions, service times and what each loket calls next. Logs mix issues (with priority
 * groups, journeys and repeated numbers) with every counter action from three counters,
 * on tickets they may never have seen, at tied and shuffled HLCs.
 */

const SEED = 20261204;
const DAYS = ['2025-11-03', '2025-11-04'];
const COUNTERS = ['counter-1', 'counter-2', 'counter-3'];
const ACTIONS: TicketActionType[] = [
  'ticket.called',
  'ticket.called',
  'ticket.recalled',
  'ticket.serving',
  'ticket.finished',
  'ticket.no-show',
  'ticket.transferred',
];

const hlc = (second: number, counter: number) =>
  encodeHlc({ ms: FIXTURE_MS + second * 1000, counter });

const ticketSpec = fc.record({
  second: fc.integer({ min: 0, max: 60 }),
  counter: fc.integer({ min: 0, max: 2 }),
  device: fc.constantFrom('kiosk-1', 'kiosk-2'),
  day: fc.constantFrom(...DAYS),
  prefix: fc.constantFrom('A', 'B'),
  seq: fc.integer({ min: 1, max: 8 }),
  priority: fc.boolean(),
  service: fc.constantFrom('ktp-el', 'kk'),
  journeyAfter: fc.option(fc.nat(), { nil: undefined }),
});

const actionSpec = fc.record({
  ticket: fc.nat(),
  type: fc.constantFrom(...ACTIONS),
  device: fc.constantFrom(...COUNTERS),
  second: fc.integer({ min: 0, max: 90 }),
  counter: fc.integer({ min: 0, max: 2 }),
  /** How the counter names the ticket: its id, its id from a QR it had not seen, its typed
   * number (a reference id), or a typed number no kiosk printed. */
  by: fc.constantFrom('id', 'id', 'id', 'qr', 'number', 'number', 'ghost'),
});

const changeSpec = fc.record({
  type: fc.constantFrom('counter.opened', 'counter.paused', 'counter.closed'),
  device: fc.constantFrom(...COUNTERS),
  second: fc.integer({ min: 0, max: 90 }),
  day: fc.constantFrom(...DAYS),
});

const logSpec = fc.record({
  tickets: fc.array(ticketSpec, { minLength: 1, maxLength: 25 }),
  actions: fc.array(actionSpec, { maxLength: 40 }),
  changes: fc.array(changeSpec, { maxLength: 6 }),
  /** Indexes of events sent again, and of events given a differing copy. */
  resends: fc.array(fc.nat(), { maxLength: 10 }),
  copies: fc.array(fc.record({ at: fc.nat(), second: fc.integer({ min: 0, max: 90 }) }), {
    maxLength: 3,
  }),
  unknown: fc.boolean(),
});

type Log = fc.Arbitrary<typeof logSpec extends fc.Arbitrary<infer T> ? T : never>;
type Spec = Log extends fc.Arbitrary<infer T> ? T : never;

function buildLog(spec: Spec): KioskEvent[] {
  const issued = spec.tickets.map((t, i) =>
    ticketIssued({
      id: fixtureId(1_000 + i),
      hlc: hlc(t.second, t.counter),
      deviceId: t.device,
      businessDay: t.day,
      data: {
        prefix: t.prefix,
        seq: t.seq,
        priority: t.priority ? 'lansia' : null,
        serviceId: t.service,
      },
    }),
  );
  // Journeys: a ticket may follow an earlier one.
  spec.tickets.forEach((t, i) => {
    const ticket = issued[i];
    if (t.journeyAfter === undefined || i === 0 || !ticket) return;
    const before = issued[t.journeyAfter % i];
    if (!before) return;
    ticket.data.journey = { id: fixtureId(9_000 + i), step: 2, of: 2, after: before.id };
  });
  const actions = spec.actions.map((a, i) => {
    const ticket = issued[a.ticket % issued.length] as KioskEvent<'ticket.issued'>;
    const number =
      a.by === 'ghost' ? `C-${(a.ticket % 3) + 1}` : (canonicalOf(ticket.data.number) as string);
    const named = a.by === 'number' || a.by === 'ghost';
    const unseen = a.by === 'qr' ? { number, serviceId: ticket.data.serviceId } : { number };
    const data = {
      ...(a.type === 'ticket.transferred'
        ? { toPrefix: ticket.data.prefix === 'A' ? 'B' : 'A' }
        : {}),
      ...(a.type === 'ticket.called' && a.by !== 'id'
        ? { mode: 'specific', reason: 'other', unseen }
        : {}),
      ...(named ? { ticketId: numberRefId(ticket.businessDay, number) } : {}),
    };
    return ticketAction(a.type, ticket, data as never, {
      id: fixtureId(5_000 + i),
      hlc: hlc(a.second, a.counter),
      deviceId: a.device,
    });
  });
  const changes = spec.changes.map((c, i) =>
    counterChange(
      c.type,
      { loket: String(COUNTERS.indexOf(c.device) + 1) },
      {
        id: fixtureId(8_000 + i),
        hlc: hlc(c.second, 0),
        deviceId: c.device,
        businessDay: c.day,
      },
    ),
  );
  const log: KioskEvent[] = [...issued, ...actions, ...changes];
  if (spec.unknown) {
    log.push({
      ...changes[0],
      ...issued[0],
      id: fixtureId(9_999),
      type: 'ticket.rated' as never,
    } as KioskEvent);
  }
  const base = [...log];
  for (const at of spec.resends) log.push({ ...(base[at % base.length] as KioskEvent) });
  for (const copy of spec.copies) {
    const original = base[copy.at % base.length] as KioskEvent;
    log.push({ ...original, hlc: hlc(copy.second, 1) });
  }
  return log;
}

/** Everything a surface can read from a book, as plain data. */
function readable(book: QueueBook) {
  const days = DAYS.flatMap((day) => [
    ...['A', 'B'].map((queue) => book.waitingIn(day, queue).map((t) => t.id)),
    counters(book, day),
    recentCalls(book, day, 50).map((t) => t.id),
    ['ktp-el', 'kk'].map((s) => [book.issuedCount(day, s), serviceTimes(book, day, s)]),
    nextFor(book, day, ['ktp-el'])?.id ?? null,
    nextFor(book, day, ['ktp-el', 'kk'])?.id ?? null,
  ]);
  const state = queueState(book);
  const tickets = [...state.tickets.entries()];
  const named = DAYS.flatMap((day) =>
    ['A-1', 'A-2', 'B-1', 'B-5', 'C-1', 'C-2'].map((n) => book.ticket(numberRefId(day, n)) ?? null),
  );
  return {
    tickets,
    named,
    unseen: book.model().refs.unseenTickets(),
    ahead: tickets.map(([id]) => book.peopleAhead(id)),
    waiting: [...state.waiting.entries()].sort(),
    issuedByService: [...state.issuedByService.entries()].sort(),
    duplicates: [...state.duplicates].sort((a, b) =>
      `${a.businessDay}${a.number}`.localeCompare(`${b.businessDay}${b.number}`),
    ),
    conflicts: COUNTERS.map((c) =>
      conflictsOf(book, c).sort((a, b) => a.eventId.localeCompare(b.eventId)),
    ),
    days,
  };
}

describe('QueueBook, one event at a time, against the fold', () => {
  it('reaches the fold of the whole log from any arrival order, with resends and differing copies', () => {
    fc.assert(
      fc.property(logSpec, fc.infiniteStream(fc.nat()), (spec, random) => {
        const log = buildLog(spec);
        const folded = foldQueue(log);
        // Shuffle by the drawn stream (fast-check shrinks it).
        const shuffled = [...log];
        const draws = random.take(shuffled.length);
        let i = shuffled.length;
        for (const draw of draws) {
          i -= 1;
          const j = draw % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as KioskEvent, shuffled[i] as KioskEvent];
        }
        const book = new QueueBook();
        for (const event of shuffled) book.apply(event);
        expect(readable(book)).toEqual(readable(folded));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('continues a folded book with later events as if it had folded them all', () => {
    fc.assert(
      fc.property(logSpec, fc.nat(), (spec, cut) => {
        const log = buildLog(spec);
        const split = cut % (log.length + 1);
        const book = foldQueue(log.slice(0, split));
        for (const event of log.slice(split).reverse()) book.apply(event);
        expect(readable(book)).toEqual(readable(foldQueue(log)));
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });
});
