/** quarantineOf: the verdicts of one batch, judged in its order (src/server/sync/push-rules.ts). */
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/domain/config/catalogue';
import type { KioskEvent } from '../../../src/domain/events';
import type { StaffKnowledge } from '../../../src/domain/trust-staff';
import { quarantineOf } from '../../../src/server/sync/push-rules';
import { ticketAction, ticketIssued } from '../../fixtures/events';
import { kioskBundle } from '../../fixtures/kiosk';

const catalogue = buildCatalogue([kioskBundle()]);
const people: Record<string, string[]> = {
  dukcapil: ['disdukcapil'],
  imigrasi: ['imigrasi'],
};
const toPaspor = { toAgencyId: 'imigrasi', toServiceId: 'imigrasi-paspor-baru', toPrefix: 'D' };

/** The server's state before the batch: `seen` tickets at their agencies. */
function known(seen: Record<string, string> = {}): StaffKnowledge {
  return { agenciesOf: (id) => people[id], ticketAgency: (_day, id) => seen[id] };
}
const verdicts = (
  events: KioskEvent[],
  state = known(),
  surface: 'counter' | 'kiosk' = 'counter',
) => events.map((event) => quarantineOf(events, catalogue, surface, state).get(event.id) ?? []);
const ktp = () => ticketIssued({ data: { serviceId: 'disdukcapil-ktp-el-cetak-ulang' } });

describe('quarantineOf: who may act on a ticket', () => {
  it('judges a ticket the batch issues where it was issued (a mobile unit issues and calls)', () => {
    const ticket = ktp();
    const batch = [
      ticket,
      ticketAction('ticket.called', ticket, { staffId: 'imigrasi' }),
      ticketAction('ticket.called', ticket, { staffId: 'dukcapil' }),
    ];

    expect(quarantineOf(batch, catalogue, 'mobile', known())).toEqual(
      new Map([[batch[1]?.id, ['other_agency']]]),
    );
  });

  it('after a transfer in the batch, the ticket is the target agency’s: its sender may no longer act', () => {
    const ticket = ktp();
    const batch = [
      ticketAction('ticket.called', ticket, { staffId: 'dukcapil' }),
      ticketAction('ticket.transferred', ticket, { staffId: 'dukcapil', ...toPaspor }),
      ticketAction('ticket.recalled', ticket, { staffId: 'dukcapil' }),
      ticketAction('ticket.called', ticket, { staffId: 'imigrasi' }),
    ];

    expect(verdicts(batch, known({ [ticket.id]: 'disdukcapil' }))).toEqual([
      [],
      [],
      ['other_agency'],
      [],
    ]);
  });

  it('a quarantined transfer moves nothing', () => {
    const ticket = ktp();
    const batch = [
      ticketAction('ticket.transferred', ticket, { staffId: 'imigrasi', ...toPaspor }),
      ticketAction('ticket.called', ticket, { staffId: 'dukcapil' }),
    ];

    expect(verdicts(batch, known({ [ticket.id]: 'disdukcapil' }))).toEqual([['other_agency'], []]);
  });

  it('takes the server’s state for a ticket pushed before, and accepts one never seen', () => {
    const ticket = ktp();
    const call = ticketAction('ticket.called', ticket, { staffId: 'dukcapil' });

    expect(verdicts([call], known({ [ticket.id]: 'imigrasi' }))).toEqual([['other_agency']]);
    expect(verdicts([call], known())).toEqual([[]]);
  });

  it('says not_allowed alone for a kiosk’s call, and adds staff reasons to the config’s', () => {
    const ticket = ktp();
    const badTarget = ticketAction('ticket.transferred', ticket, {
      staffId: 'nobody',
      ...toPaspor,
      toServiceId: 'tidak-ada',
    });

    expect(
      verdicts([ticketAction('ticket.called', ticket, { staffId: 'nobody' })], known(), 'kiosk'),
    ).toEqual([['not_allowed']]);
    expect(verdicts([badTarget])).toEqual([['unknown_service', 'unknown_staff']]);
  });
});
