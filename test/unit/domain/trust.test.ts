import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/domain/config/catalogue';
import { EnvelopeSchema, EVENT_DATA } from '../../../src/domain/event-schema';
import type { TicketIssued } from '../../../src/domain/events';
import { mayRecord, TRUST_RULES } from '../../../src/domain/trust';
import { screenServices, screenTicket, screenTransfer } from '../../../src/domain/trust-catalogue';
import { ticketAction, ticketIssued } from '../../fixtures/events';
import { kioskBundle } from '../../fixtures/kiosk';

describe('TRUST_RULES', () => {
  it('says what happens to every field a device pushes, and to nothing else', () => {
    const envelope = Object.keys(EnvelopeSchema.entries).filter((k) => k !== 'data');
    const payload = [...new Set(Object.values(EVENT_DATA).flatMap(fieldsOf))].map(
      (k) => `data.${k}`,
    );

    const ruled = TRUST_RULES.map((rule) => rule.field);

    expect([...ruled].sort()).toEqual([...envelope, ...payload].sort());
  });
});

describe('screenTicket', () => {
  const bundle = kioskBundle();
  const older = {
    ...bundle,
    version: 'old',
    agencies: bundle.agencies.map((a, i) =>
      i === 0
        ? {
            ...a,
            services: [
              ...a.services,
              { ...(a.services[0] as (typeof a.services)[0]), id: 'lama', prefix: 'Q' },
            ],
          }
        : a,
    ),
  };
  const catalogue = buildCatalogue([older, bundle]);
  const ticket = (data: Partial<TicketIssued>) =>
    ticketIssued({ data: { serviceId: 'disdukcapil-ktp-el-cetak-ulang', ...data } }).data;

  it('passes what some published version names', () => {
    expect(screenTicket(ticket({ missing: ['kk'] }), catalogue)).toEqual([]);
    expect(
      screenTicket(ticket({ serviceId: 'lama', prefix: 'Q', number: 'Q-001', seq: 1 }), catalogue),
    ).toEqual([]);
  });

  it('quarantines an unknown service, a service of another agency, another queue, unknown documents', () => {
    expect(screenTicket(ticket({ serviceId: '3201234567890001' }), catalogue)).toEqual([
      'unknown_service',
    ]);
    expect(screenTicket(ticket({ agencyId: 'imigrasi' }), catalogue)).toEqual(['unknown_service']);
    expect(screenTicket(ticket({ prefix: 'D' }), catalogue)).toEqual(['unknown_queue']);
    expect(screenTicket(ticket({ serviceId: 'lama', prefix: 'A' }), catalogue)).toEqual([
      'unknown_queue',
    ]);
    expect(screenTicket(ticket({ missing: ['kk', 'Budi'] }), catalogue)).toEqual([
      'unknown_requirement',
    ]);
  });

  it('takes the newest names, and the ids of every version', () => {
    const renamed = {
      ...bundle,
      version: 'new',
      agencies: bundle.agencies.map((a) => ({ ...a, shortName: { id: `${a.shortName.id} Baru` } })),
    };

    const later = buildCatalogue([bundle, renamed]);

    expect(later.services.get('disdukcapil-ktp-el-cetak-ulang')?.agencyName).toEqual({
      id: 'Disdukcapil Baru',
    });
    expect(later.versions).toEqual([bundle.version, 'new']);
  });
});

/** The fields of a payload schema: an object's entries, through pipes and unions. */
function fieldsOf(schema: unknown): string[] {
  const s = schema as { entries?: object; pipe?: unknown[]; options?: unknown[] };
  if (s.entries) return Object.keys(s.entries);
  if (s.pipe) return fieldsOf(s.pipe[0]);
  if (s.options) return s.options.flatMap(fieldsOf);
  return [];
}

describe('who may record what', () => {
  it('lets kiosks issue, counters act on tickets, a mobile unit both, a display nothing', () => {
    expect(mayRecord('kiosk', 'ticket.issued')).toBe(true);
    expect(mayRecord('kiosk', 'ticket.called')).toBe(false);
    expect(mayRecord('counter', 'ticket.called')).toBe(true);
    expect(mayRecord('counter', 'ticket.issued')).toBe(false);
    expect(mayRecord('mobile', 'ticket.finished')).toBe(true);
    expect(mayRecord('display', 'ticket.issued')).toBe(false);
    expect(mayRecord('display', 'counter.opened')).toBe(false);
    // A device whose profile left the config: what a kiosk may.
    expect(mayRecord(null, 'ticket.issued')).toBe(true);
    expect(mayRecord(null, 'ticket.called')).toBe(false);
  });
});

describe('screenTransfer', () => {
  const catalogue = buildCatalogue([kioskBundle()]);
  const ticket = ticketIssued({ data: { serviceId: 'disdukcapil-ktp-el-cetak-ulang' } });
  const transfer = (data: { toAgencyId: string; toServiceId: string; toPrefix: string }) =>
    ticketAction('ticket.transferred', ticket, data).data;

  it('accepts a service of the agency in its queue, and names what else is unknown', () => {
    const known = kioskBundle().agencies[1];
    const service = known?.services[0];
    if (!known || !service) throw new Error('fixture has no second agency');
    const to = {
      toAgencyId: known.id,
      toServiceId: service.id,
      toPrefix: service.prefix ?? known.prefix,
    };
    expect(screenTransfer(transfer(to), catalogue)).toEqual([]);
    expect(screenTransfer(transfer({ ...to, toServiceId: 'tidak-ada' }), catalogue)).toEqual([
      'unknown_service',
    ]);
    expect(screenTransfer(transfer({ ...to, toAgencyId: 'disdukcapil' }), catalogue)).toEqual([
      'unknown_service',
    ]);
    expect(screenTransfer(transfer({ ...to, toPrefix: 'ZZ' }), catalogue)).toEqual([
      'unknown_queue',
    ]);
  });
});

describe('screenServices', () => {
  it('quarantines a loket opened with a service no config had (no free text reaches devices)', () => {
    const catalogue = buildCatalogue([kioskBundle()]);
    const known = kioskBundle().agencies[0]?.services[0]?.id ?? '';
    expect(screenServices([known], catalogue)).toEqual([]);
    expect(screenServices([known, '3201000283230954'], catalogue)).toEqual(['unknown_service']);
  });
});
