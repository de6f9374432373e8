// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { leaseNeeds } from '../../../src/app/kiosk/lease-needs';
import { planLeases } from '../../../src/server/sync/lease-plan';
import { leaseRequestFor } from '../../../src/sync/top-up';
import { alwaysOpenSample } from '../../e2e/support/sample-config';
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

  it("asks the server only for what it grants: each line of the sample's unit is valid (planLeases)", () => {
    // Arrange: the sample site's MPP bergerak unit on a day before two visits, and on one.
    const config = alwaysOpenSample();
    const profile = config.profiles.find((p) => p.surface === 'mobile');
    if (!profile) throw new Error('the sample has a mobile profile');
    const empty = () => ({ numbers: {}, quotas: {} });

    for (const today of ['2026-12-05', '2026-12-10']) {
      // Act
      const request = leaseRequestFor(leaseNeeds(config, profile, today), empty);
      const plan = planLeases(request, config, today, profile);

      // Assert
      expect(plan.ok ? [] : plan.issues).toEqual([]);
      expect(request.quotas.length).toBeGreaterThan(0);
    }
  });
});

describe('leaseNeeds (a mobile unit of one team)', () => {
  it("stocks its own team's visits only", () => {
    // Arrange: tim-1 in Sukamaju and tim-2 in Mekarsari on the same day.
    const visit = (id: string, team: string, quota: number) => ({
      id,
      team,
      date: '2026-11-30',
      kelurahan: id,
      place: 'Balai Kelurahan',
      hours: { from: '08:00', to: '12:00' },
      services: [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota }],
    });
    const config = kioskBundle({
      visits: [visit('sukamaju', 'tim-1', 30), visit('mekarsari', 'tim-2', 12)],
    });

    // Act
    const tim2 = leaseNeeds(
      config,
      kioskProfile({ surface: 'mobile', team: 'tim-2' }),
      '2026-11-27',
    );
    const untold = leaseNeeds(config, kioskProfile({ surface: 'mobile' }), '2026-11-27');

    // Assert
    expect(tim2.fill?.quotas.map((q) => q.count)).toEqual([12]);
    // A profile that names no team is the default team's (tim-1), like a visit without one.
    expect(untold.fill?.quotas.map((q) => q.count)).toEqual([30]);
  });
});

describe('leaseRequestFor (a visit day in full)', () => {
  const needs = (count: number) => ({
    days: ['2026-12-10'],
    prefixes: ['A'],
    quotaServices: [],
    fill: {
      blockSize: 100,
      numbers: [{ businessDay: '2026-12-10', prefix: 'A', count }],
      quotas: [],
    },
  });
  const holding = (a: number) => () => ({ numbers: { A: a }, quotas: {} });

  it.each([
    ['a small quota with none held: all of it', 6, 0, [6]],
    ['a few short after tickets issued online: none', 90, 85, []],
    ['many short: the rest, in blocks', 250, 0, [100, 100, 50]],
    ['enough held: none', 6, 6, []],
  ])('asks for %s', (_name, count, held, lines) => {
    // Act
    const request = leaseRequestFor(needs(count), holding(held));

    // Assert
    expect(request.numbers.map((l) => l.count)).toEqual(lines);
  });
});
