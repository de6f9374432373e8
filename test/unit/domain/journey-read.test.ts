/** The tickets of one journey, in step order, and the step the citizen is at now. */
import { describe, expect, it } from 'vitest';
import type { JourneyStep, KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { currentStepIndex, journeyTickets } from '../../../src/domain/journey-read';
import { QueueBook } from '../../../src/domain/queue';
import { foldQueue } from '../../../src/domain/queue-read';
import { FIXTURE_MS, fixtureId, ticketAction, ticketIssued } from '../../fixtures/events';

const at = (seconds: number) => encodeHlc({ ms: FIXTURE_MS + seconds * 1000, counter: 0 });

/** A journey of `of` steps issued at 1 s, 2 s, …: KK at Disdukcapil, then BPJS, then … */
function journey(n: number, of = 2): KioskEvent<'ticket.issued'>[] {
  const id = fixtureId(9_900_000 + n);
  const steps: KioskEvent<'ticket.issued'>[] = [];
  for (let step = 1; step <= of; step++) {
    const after = steps.at(-1)?.id;
    const link: JourneyStep = after ? { id, step, of, after } : { id, step, of };
    steps.push(
      ticketIssued({
        hlc: at(n * 10 + step),
        data: { prefix: step === 1 ? 'A' : 'E', seq: n * 10 + step, journey: link },
      }),
    );
  }
  return steps;
}

const ids = (tickets: { id: string }[]) => tickets.map((t) => t.id);

describe('journeyTickets', () => {
  it('lists every step in order from any of its tickets, whatever order the log came in', () => {
    const [kk, bpjs, third] = journey(1, 3);
    if (!kk || !bpjs || !third) throw new Error('no journey');
    const walkIn = ticketIssued({ hlc: at(12) });
    const book = foldQueue([third, walkIn, bpjs, kk]);

    for (const id of [kk.id, bpjs.id, third.id]) {
      expect(ids(journeyTickets(book, id))).toEqual([kk.id, bpjs.id, third.id]);
    }
    expect(journeyTickets(book, walkIn.id)).toEqual([]);
    expect(journeyTickets(book, fixtureId(123_456_789))).toEqual([]);
  });

  it('follows the states: a finished step lets the next one wait, and it becomes current', () => {
    const [kk, bpjs] = journey(2);
    if (!kk || !bpjs) throw new Error('no journey');
    const book = new QueueBook();
    book.apply(kk);
    book.apply(bpjs);
    expect(journeyTickets(book, kk.id).map((t) => t.status)).toEqual(['waiting', 'held']);
    expect(currentStepIndex(journeyTickets(book, kk.id))).toBe(0);

    book.apply(ticketAction('ticket.called', kk, { loket: '3' }, { hlc: at(40) }));
    book.apply(ticketAction('ticket.finished', kk, {}, { hlc: at(50) }));

    const steps = journeyTickets(book, kk.id);
    expect(steps.map((t) => t.status)).toEqual(['done', 'waiting']);
    expect(currentStepIndex(steps)).toBe(1);
  });

  it('shows a step issued before its first step reached this replica, then both', () => {
    const [kk, bpjs] = journey(3);
    if (!kk || !bpjs) throw new Error('no journey');
    const book = new QueueBook();
    book.apply(bpjs);
    expect(ids(journeyTickets(book, bpjs.id))).toEqual([bpjs.id]);

    book.apply(kk);

    expect(ids(journeyTickets(book, bpjs.id))).toEqual([kk.id, bpjs.id]);
    expect(ids(journeyTickets(book, kk.id))).toEqual([kk.id, bpjs.id]);
  });

  it('never joins another visit: a step naming a ticket of another journey, or the wrong step', () => {
    const [kk, bpjs] = journey(4);
    const [other] = journey(5);
    if (!kk || !bpjs || !other) throw new Error('no journey');
    const stray = ticketIssued({
      hlc: at(60),
      data: { journey: { id: fixtureId(9_999_999), step: 2, of: 2, after: kk.id } },
    });
    const skipped = ticketIssued({
      hlc: at(61),
      data: { journey: { id: kk.data.journey?.id ?? '', step: 3, of: 3, after: kk.id } },
    });
    const book = foldQueue([kk, bpjs, other, stray, skipped]);

    expect(ids(journeyTickets(book, kk.id))).toEqual([kk.id, bpjs.id]);
    expect(ids(journeyTickets(book, stray.id))).toEqual([stray.id]);
    expect(ids(journeyTickets(book, skipped.id))).toEqual([skipped.id]);
  });

  it('takes the first arrival when two tickets claim the same next step', () => {
    const [kk, bpjs] = journey(6);
    if (!kk || !bpjs?.data.journey) throw new Error('no journey');
    const late = ticketIssued({ hlc: at(90), data: { journey: bpjs.data.journey } });
    const book = foldQueue([late, kk, bpjs]);

    expect(ids(journeyTickets(book, kk.id))).toEqual([kk.id, bpjs.id]);
  });
});

describe('currentStepIndex', () => {
  it('is the first step not finished, or the last when every step is', () => {
    const of = (...statuses: string[]) =>
      statuses.map((status) => ({ status }) as { status: 'done' });
    expect(currentStepIndex(of('waiting', 'held'))).toBe(0);
    expect(currentStepIndex(of('no-show', 'held'))).toBe(0);
    expect(currentStepIndex(of('done', 'called'))).toBe(1);
    expect(currentStepIndex(of('done', 'done'))).toBe(1);
    expect(currentStepIndex([])).toBe(0);
  });
});
