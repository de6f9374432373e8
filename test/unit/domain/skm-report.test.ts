import { describe, expect, it } from 'vitest';
import type { SkmAnswers } from '../../../src/domain/skm';
import { skmReport, skmReportCsv } from '../../../src/domain/skm-report';

const all = (score: 1 | 2 | 3 | 4) => Array(9).fill(score) as unknown as SkmAnswers;

// Worked by hand:
// - ktp (dukcapil): answers 4×9 and 3×9 → total 63; IKM 25 × 63 ÷ 18 = 87,50, B; 10 served → sample 10.
// - kk (dukcapil): answers 2×9 → total 18; IKM 25 × 18 ÷ 9 = 50,00, D; 5 served → sample 5.
// - dukcapil: 3 respondents, total 81; IKM 25 × 81 ÷ 27 = 75,00, C; 15 served → sample 14
//   (the Krejcie–Morgan table's 15 → 14).
// - paspor (imigrasi): 100 served, no answer → no IKM, sample 80 (table: 100 → 80).
// - the site: as dukcapil's answers; 115 served → 3841 × 115 ÷ (1150 + 3831) = 88,68 → 89.
const input = {
  from: '2026-07-01',
  to: '2026-12-31',
  responses: [
    { agencyId: 'dukcapil', serviceId: 'ktp', answers: all(4) },
    { agencyId: 'dukcapil', serviceId: 'ktp', answers: all(3) },
    { agencyId: 'dukcapil', serviceId: 'kk', answers: all(2) },
  ],
  served: [
    { agencyId: 'dukcapil', serviceId: 'ktp', count: 10 },
    { agencyId: 'dukcapil', serviceId: 'kk', count: 5 },
    { agencyId: 'imigrasi', serviceId: 'paspor', count: 100 },
  ],
};

describe('skmReport', () => {
  it('gives the site, each agency and each service its respondents, sample and IKM', () => {
    const report = skmReport(input);

    const figures = (u: (typeof report)['site']) => [
      u.respondents,
      u.population,
      u.target,
      u.ikm?.value ?? null,
      u.ikm?.mutu ?? null,
    ];
    expect(figures(report.site)).toEqual([3, 115, 89, 75, 'C']);
    expect(report.agencies.map((a) => [a.agencyId, ...figures(a)])).toEqual([
      ['dukcapil', 3, 15, 14, 75, 'C'],
      ['imigrasi', 0, 100, 80, null, null],
    ]);
    expect(report.services.map((s) => [s.serviceId, ...figures(s)])).toEqual([
      ['kk', 1, 5, 5, 50, 'D'],
      ['ktp', 2, 10, 10, 87.5, 'B'],
      ['paspor', 0, 100, 80, null, null],
    ]);
  });

  it('writes the CSV in the report layout: the site, then each agency with its services', () => {
    const csv = skmReportCsv(skmReport(input), (a, s) => s || a || 'Seluruh MPP');

    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 2 + 3);
    expect(lines[0]?.split(';').slice(0, 5)).toEqual([
      'Unit layanan',
      'Responden',
      'Populasi (dilayani)',
      'Sampel minimal',
      'NRR U1 Persyaratan',
    ]);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual([
      'Seluruh MPP',
      'dukcapil',
      'kk',
      'ktp',
      'imigrasi',
      'paspor',
    ]);
    // Every unsur's NRR of the site is (4 + 3 + 2) ÷ 3 = 3.
    expect(lines[1]).toBe(
      `Seluruh MPP;3;115;89;${Array(9).fill('3,00').join(';')};75,00;C;Kurang Baik`,
    );
    expect(lines[6]).toBe(`paspor;0;100;80;${Array(9).fill('').join(';')};;;`);
  });
});
