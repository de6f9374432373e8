import { describe, expect, it } from 'vitest';
import { leaseNeeds } from '../../../src/app/kiosk/lease-needs';
import { type ReadinessFacts, readiness } from '../../../src/app/mobile/readiness';
import type { Visit } from '../../../src/domain/config/schema';
import type { LeaseLevels } from '../../../src/storage/leases';
import { kioskBundle, kioskProfile, withMobileUnit } from '../../fixtures/kiosk';

const KTP = 'disdukcapil-ktp-el-cetak-ulang';
const KK = 'disdukcapil-kk-perubahan';
const visit: Visit = {
  id: 'sukamaju',
  date: '2025-11-04',
  until: '2025-11-05',
  kelurahan: 'Sukamaju',
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '12:00' },
  services: [
    { service: KTP, quota: 30 },
    { service: KK, quota: 20 },
  ],
};
const config = { ...withMobileUnit(kioskBundle()), visits: [visit] };
const profile = kioskProfile({ surface: 'mobile', agencies: ['disdukcapil'] });
const fill = leaseNeeds(config, profile, '2025-11-03').fill ?? {
  blockSize: 0,
  numbers: [],
  quotas: [],
};

/** What a device that leased everything holds: both days, tokens and numbers in full. */
function stocked(): Record<string, LeaseLevels> {
  const day = (): LeaseLevels => ({
    numbers: { A: 50 },
    quotas: { [KTP]: { tokens: 30, remaining: 0 }, [KK]: { tokens: 20, remaining: 0 } },
  });
  return { '2025-11-04': day(), '2025-11-05': day() };
}

function facts(overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    config,
    trip: [visit],
    fill,
    levels: stocked(),
    persisted: true,
    offlineReady: true,
    printerKind: 'escpos',
    printer: { at: 0, ok: true, via: 'Web Serial' },
    staffCount: 2,
    ...overrides,
  };
}

describe('readiness of an MPP bergerak device', () => {
  it('is "Siap berangkat" when every check holds', () => {
    // Act
    const result = readiness(facts());

    // Assert
    expect(result.ready).toBe(true);
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
      ['visits', true],
      ['leases', true],
      ['storage', true],
      ['offline', true],
      ['printer', true],
      ['staff', true],
    ]);
  });

  it('names each day, queue and service the trip is short of', () => {
    // Arrange: the second day has 10 KTP tokens of 30 (the server has more) and 25 numbers.
    const levels = stocked();
    levels['2025-11-05'] = {
      numbers: { A: 25 },
      quotas: { [KTP]: { tokens: 10, remaining: 20 }, [KK]: { tokens: 20, remaining: 0 } },
    };

    // Act
    const result = readiness(facts({ levels }));

    // Assert
    expect(result.ready).toBe(false);
    expect(result.checks.find((c) => c.id === 'leases')).toEqual({
      id: 'leases',
      ok: false,
      short: [
        { day: '2025-11-05', kind: 'numbers', what: 'A', held: 25, needed: 30 },
        { day: '2025-11-05', kind: 'quota', what: KTP, held: 10, needed: 30 },
      ],
    });
  });

  it('takes tickets issued online as spent, not short: numbers cover the tokens left', () => {
    // Arrange: on the day, 12 KTP tickets issued: 18 tokens and 38 numbers left.
    const levels = stocked();
    levels['2025-11-04'] = {
      numbers: { A: 38 },
      quotas: { [KTP]: { tokens: 18, remaining: 0 }, [KK]: { tokens: 20, remaining: 0 } },
    };

    // Act
    const result = readiness(facts({ levels }));

    // Assert
    expect(result.checks.find((c) => c.id === 'leases')?.ok).toBe(true);
  });

  it.each([
    ['storage not persistent', { persisted: false }, 'storage'],
    ['storage unknown', { persisted: null }, 'storage'],
    ['the app not kept offline', { offlineReady: false }, 'offline'],
    ['the printer never tested', { printer: null }, 'printer'],
    ['the last test print failed', { printer: { at: 0, ok: false, via: 'Web Serial' } }, 'printer'],
    ['no staff verifiers', { staffCount: 0 }, 'staff'],
    ['no visit ahead', { trip: [] }, 'visits'],
  ] as const)('is not ready with %s', (_name, overrides, failing) => {
    // Act
    const result = readiness(facts(overrides));

    // Assert
    expect(result.ready).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toContain(failing);
  });

  it('needs no test print on a device without a printer', () => {
    // Act
    const result = readiness(facts({ printerKind: 'none', printer: null }));

    // Assert
    expect(result.ready).toBe(true);
  });
});
