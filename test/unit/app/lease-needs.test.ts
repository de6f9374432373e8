import { describe, expect, it } from 'vitest';
import { leaseNeeds } from '../../../src/app/kiosk/lease-needs';
import { site } from '../../fixtures/catalogue';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';

describe('leaseNeeds (lobby kiosk)', () => {
  it("asks for today's numbers and tokens, and numbers only for the next open day", () => {
    const config = kioskBundle({ site: site({ holidays: ['2026-11-30'] }) });

    // 2026-11-27 is a Friday: the weekend and the Monday holiday are skipped.
    const needs = leaseNeeds(config, kioskProfile(), '2026-11-27');

    expect(needs.days).toEqual(['2026-11-27']);
    expect(needs.aheadDays).toEqual(['2026-12-01']);
    expect(needs.prefixes.length).toBeGreaterThan(0);
  });
});

describe('leaseNeeds (mobile unit)', () => {
  it('asks for numbers and quota tokens for every day of each visit ahead, none for one over', () => {
    // Arrange
    const services = [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 30 }];
    const visit = {
      kelurahan: 'Sukamaju',
      place: 'Balai Kelurahan',
      hours: { from: '08:00', to: '12:00' },
      services,
    };
    const config = kioskBundle({
      visits: [
        { ...visit, id: 'over', date: '2026-11-20' },
        { ...visit, id: 'trip', date: '2026-11-30', until: '2026-12-02' },
        { ...visit, id: 'too-far', date: '2027-01-20' },
      ],
    });

    // Act
    const needs = leaseNeeds(config, kioskProfile({ surface: 'mobile' }), '2026-11-27');

    // Assert
    expect(needs.days).toEqual(['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(needs.quotaServices).toContain('disdukcapil-ktp-el-cetak-ulang');
    // Each visit day in full: its quota in tokens, and numbers for all of it.
    const tripDays = ['2026-11-30', '2026-12-01', '2026-12-02'];
    expect(needs.fill?.quotas).toEqual(
      tripDays.map((businessDay) => ({
        businessDay,
        serviceId: 'disdukcapil-ktp-el-cetak-ulang',
        count: 30,
      })),
    );
    expect(needs.fill?.numbers).toEqual(
      tripDays.map((businessDay) => ({ businessDay, prefix: 'A', count: 30 })),
    );
  });
});
