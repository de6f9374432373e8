import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/domain/config/schema';
import { quotaRule } from '../../../src/domain/quotas';
import { comingVisits, visitDays, visitServing } from '../../../src/domain/visit-days';
import { visitLine } from '../../../src/domain/visits';
import { visitFixture } from '../../fixtures/config';
import { kioskBundle } from '../../fixtures/kiosk';

const visit = (overrides: Partial<Visit>): Visit => visitFixture(overrides) as Visit;

describe('MPP bergerak visits', () => {
  it('spans every day from date to until, across a month end', () => {
    // Act
    const days = visitDays(visit({ date: '2026-01-30', until: '2026-02-02' }));

    // Assert
    expect(days).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });

  it('tells citizens where and when, in each language', () => {
    // Arrange
    const one = visit({ date: '2026-12-10', place: 'Balai Kelurahan' });

    // Act
    const id = visitLine(one, '2026-12-05', 'id');
    const en = visitLine(one, '2026-12-05', 'en');

    // Assert
    expect(id).toBe(
      'MPP bergerak: Kelurahan Sukamaju, Kamis 10 Desember, 08.00–12.00, di Balai Kelurahan.',
    );
    expect(en).toBe(
      'Mobile service: Sukamaju, Thursday 10 December, 08.00–12.00, at Balai Kelurahan.',
    );
  });

  it('says "hari ini" on a visit day and how long a visit of several days goes on', () => {
    // Arrange
    const trip = visit({ date: '2026-12-10', until: '2026-12-12' });

    // Act
    const before = visitLine(trip, '2026-12-05', 'id');
    const during = visitLine(trip, '2026-12-11', 'id');
    const lastDay = visitLine(trip, '2026-12-12', 'en');

    // Assert
    expect(before).toContain('Kamis 10 Desember sampai Sabtu 12 Desember');
    expect(during).toContain('hari ini sampai Sabtu 12 Desember');
    expect(lastDay).toContain('Sukamaju, today, 08.00');
  });

  it('lists the coming visits soonest first, a visit still going on included', () => {
    // Arrange
    const visits = [
      visit({ id: 'c', date: '2026-12-20' }),
      visit({ id: 'past', date: '2026-12-01' }),
      visit({ id: 'going-on', date: '2026-12-04', until: '2026-12-06' }),
      visit({ id: 'b', date: '2026-12-10' }),
      visit({ id: 'd', date: '2026-12-28' }),
    ];

    // Act
    const coming = comingVisits(visits, '2026-12-05');

    // Assert
    expect(coming.map((v) => v.id)).toEqual(['going-on', 'b', 'c']);
  });

  it("applies a visit's quota on each of its days, and only there", () => {
    // Arrange
    const services = [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 30 }];
    const config = kioskBundle({
      visits: [visit({ date: '2026-02-10', until: '2026-02-11', services })],
    });

    // Act
    const rules = ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12'].map((day) =>
      quotaRule(config, 'disdukcapil-ktp-el-cetak-ulang', day, { surface: 'mobile' }),
    );

    // Assert
    const visitRule = { quota: 30, deviceShare: 30, pool: 'sukamaju-2026-02-10' };
    expect(rules[1]).toEqual(visitRule);
    expect(rules[2]).toEqual(visitRule);
    expect(rules[0]).not.toEqual(visitRule);
    expect(rules[3]).not.toEqual(visitRule);
    expect(visitServing(config.visits, '2026-02-11', 'disdukcapil-ktp-el-cetak-ulang')?.id).toBe(
      'sukamaju-2026-02-10',
    );
  });
});
