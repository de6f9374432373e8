/**
 * A counter finds a scanned journey ticket: the QR opens step 1's phone page and carries
 * step 2, so the counter of each step finds its own ticket, known or never seen.
 */
import { describe, expect, it } from 'vitest';
import { findTicket } from '../../../src/app/counter/desk-view';
import type { KioskEvent } from '../../../src/domain/events';
import { QueueBook } from '../../../src/domain/queue';
import { ticketLinkPath } from '../../../src/domain/ticket-link';
import { canonicalOf } from '../../../src/domain/ticket-ref';
import { fixtureId, ticketAction, ticketIssued } from '../../fixtures/events';

const DAY = '2025-11-03';

function journey(): [KioskEvent<'ticket.issued'>, KioskEvent<'ticket.issued'>] {
  const id = fixtureId(8_800_001);
  const kk = ticketIssued({
    data: { serviceId: 'disdukcapil-kk-perubahan', journey: { id, step: 1, of: 2 } },
  });
  const bpjs = ticketIssued({
    data: {
      prefix: 'E',
      agencyId: 'bpjs-kesehatan',
      serviceId: 'bpjs-kesehatan-perubahan-data',
      journey: { id, step: 2, of: 2, after: kk.id },
    },
  });
  return [kk, bpjs];
}

function qrOf(kk: KioskEvent<'ticket.issued'>, bpjs: KioskEvent<'ticket.issued'>): string {
  const linked = (e: KioskEvent<'ticket.issued'>) => ({
    id: e.id,
    number: e.data.number,
    serviceId: e.data.serviceId,
  });
  return `https://mpp.test${ticketLinkPath({ ...linked(kk), businessDay: DAY }, [linked(bpjs)])}`;
}

describe('findTicket with a journey’s QR', () => {
  it('finds the step this loket serves, on a counter that has never seen the tickets', () => {
    const [kk, bpjs] = journey();
    const qr = qrOf(kk, bpjs);
    const empty = new QueueBook();

    expect(findTicket(empty, '2025-11-04', qr, ['A'], ['disdukcapil-kk-perubahan'])).toEqual({
      kind: 'found',
      id: kk.id,
      businessDay: DAY,
      unseen: { number: canonicalOf(kk.data.number), serviceId: 'disdukcapil-kk-perubahan' },
    });
    expect(findTicket(empty, DAY, qr, ['E'], ['bpjs-kesehatan-perubahan-data'])).toEqual({
      kind: 'found',
      id: bpjs.id,
      businessDay: DAY,
      unseen: { number: canonicalOf(bpjs.data.number), serviceId: 'bpjs-kesehatan-perubahan-data' },
    });
    // A loket serving neither: the step the citizen is at first.
    expect(findTicket(empty, DAY, qr, ['D'], ['imigrasi-paspor-baru'])).toMatchObject({
      id: kk.id,
    });
  });

  it('goes on to step 2 once step 1 is finished, from what the counter knows', () => {
    const [kk, bpjs] = journey();
    const book = new QueueBook();
    book.apply(kk);
    book.apply(bpjs);
    const qr = qrOf(kk, bpjs);
    expect(findTicket(book, DAY, qr, [])).toMatchObject({ kind: 'found', id: kk.id });

    book.apply(ticketAction('ticket.called', kk));
    book.apply(ticketAction('ticket.finished', kk));

    expect(findTicket(book, DAY, qr, [])).toMatchObject({ kind: 'found', id: bpjs.id });
    // Even by a link that names step 1 only (typed from the phone page's address).
    expect(findTicket(book, DAY, `https://mpp.test/t/${kk.id}`, [])).toMatchObject({
      kind: 'found',
      id: bpjs.id,
    });
  });
});
