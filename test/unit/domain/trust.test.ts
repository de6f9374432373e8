import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/domain/config/catalogue';
import { EnvelopeSchema, TicketIssuedSchema } from '../../../src/domain/event-schema';
import type { TicketIssued } from '../../../src/domain/events';
import { screenTicket, TRUST_RULES } from '../../../src/domain/trust';
import { ticketIssued } from '../../fixtures/events';
import { kioskBundle } from '../../fixtures/kiosk';

describe('TRUST_RULES', () => {
  it('says what happens to every field a device pushes, and to nothing else', () => {
    const envelope = Object.keys(EnvelopeSchema.entries).filter((k) => k !== 'data');
    const payload = Object.keys(TicketIssuedSchema.pipe[0].entries).map((k) => `data.${k}`);

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
