import { describe, expect, it } from 'vitest';
import {
  formatIkm,
  ikm,
  KINERJA,
  krejcieMorgan,
  mutuOf,
  SKM_UNSUR,
  type SkmAnswers,
  type SkmScore,
} from '../../../src/domain/skm';

/** One respondent scoring `total` (9 to 36): 4s from the first unsur, then the rest. */
function respondent(total: number): SkmAnswers {
  let extra = total - 9;
  const scores = SKM_UNSUR.map(() => {
    const add = Math.min(3, extra);
    extra -= add;
    return (1 + add) as SkmScore;
  });
  return scores as unknown as SkmAnswers;
}

/** `count` respondents whose scores sum to `total`, spread as evenly as they go. */
function responses(count: number, total: number): SkmAnswers[] {
  const base = Math.floor(total / count);
  const more = total % count;
  return Array.from({ length: count }, (_, i) => respondent(base + (i < more ? 1 : 0)));
}

const r32: SkmAnswers = [4, 4, 4, 4, 4, 3, 3, 3, 3];
const r31: SkmAnswers = [4, 4, 4, 4, 3, 3, 3, 3, 3];

describe('SKM_UNSUR', () => {
  it('holds the nine unsur of 14/2017 in questionnaire order, four answers each', () => {
    expect(SKM_UNSUR.map((u) => u.id)).toEqual([
      'persyaratan',
      'prosedur',
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'sarana',
      'pengaduan',
    ]);
    for (const unsur of SKM_UNSUR) {
      expect(unsur.answers).toHaveLength(4);
      for (const text of [unsur.name, unsur.question, ...unsur.answers]) {
        expect(text.id).not.toBe('');
        expect(text.en).not.toBe('');
      }
    }
    expect(SKM_UNSUR[3]?.answers.map((a) => a.id)).toEqual([
      'Sangat mahal',
      'Cukup mahal',
      'Murah',
      'Gratis',
    ]);
  });

  it('builds test respondents with the totals asked for', () => {
    expect(respondent(32)).toEqual([4, 4, 4, 4, 4, 4, 4, 3, 1]);
    expect(
      responses(40, 1260)
        .flat()
        .reduce((a, b) => a + b, 0),
    ).toBe(1260);
  });
});

describe('ikm', () => {
  it('gives the worked example: 40 respondents, total 1 260 → 87,50, mutu B', () => {
    // Arrange: 20 × 32 + 20 × 31 = 640 + 620 = 1 260.
    const set = [...Array(20).fill(r32), ...Array(20).fill(r31)];

    // Act
    const result = ikm(set);

    // Assert: 25 × 1 260 ÷ (40 × 9) = 31 500 ÷ 360 = 87,5; 76,61 ≤ 87,5 < 88,31 → B.
    expect(result).toMatchObject({ respondents: 40, total: 1260, value: 87.5, mutu: 'B' });
    expect(result?.kinerja).toBe('Baik');
  });

  it('gives each unsur its NRR, the average score', () => {
    const set = [...Array(20).fill(r32), ...Array(20).fill(r31)];

    // Unsur 1–4 are 4 for everyone; unsur 5 is (20 × 4 + 20 × 3) ÷ 40 = 3,5; the rest 3.
    expect(ikm(set)?.perUnsur).toEqual([4, 4, 4, 4, 3.5, 3, 3, 3, 3]);
  });

  it('gives GASPUL’s example: 29 respondents, total 955 → 91,48, mutu A', () => {
    // 25 × 955 ÷ 261 = 23 875 ÷ 261 = 91,4751 (261 × 91,475 = 23 874,975) → 91,48.
    expect(ikm(responses(29, 955))).toMatchObject({ value: 91.48, mutu: 'A' });
  });

  it('weighs each unsur exactly 1/9, where 0,111 would change the figure and the band', () => {
    // Arrange: 9 × 32 + 2 × 31 = 288 + 62 = 350 over 11 respondents.
    const set = [...Array(9).fill(r32), ...Array(2).fill(r31)];

    // Act
    const result = ikm(set);

    // Assert: exact 25 × 350 ÷ 99 = 8 750 ÷ 99 = 88,3838… → 88,38, A. With 0,111 it would be
    // 25 × 0,111 × 350 ÷ 11 = 971,25 ÷ 11 = 88,2954… → 88,30, B.
    expect(result).toMatchObject({ total: 350, value: 88.38, mutu: 'A', kinerja: 'Sangat Baik' });
  });

  it('rounds half up exactly where floating point would not', () => {
    // 25 × 11 583 ÷ 9 000 = 289 575 ÷ 9 000 = 32,175 exactly → 32,18 (the double nearest
    // 32,175 lies below it, so Math.round(x × 100) gives 32,17).
    expect(ikm(responses(1000, 11583))?.value).toBe(32.18);
    // 25 × 279 ÷ 72 = 6 975 ÷ 72 = 96,875 → 96,88.
    expect(ikm(responses(8, 279))?.value).toBe(96.88);
  });

  it.each([
    // respondents, total, hand-worked 25 × total ÷ (9 × respondents), band
    [1, 9, '225 ÷ 9 = 25 exactly', 25, 'D'],
    [38, 889, '22 225 ÷ 342 = 64,9854', 64.99, 'D'],
    [5000, 116991, '2 924 775 ÷ 45 000 = 64,995 exactly, half up', 65, 'C'],
    [5, 117, '2 925 ÷ 45 = 65 exactly', 65, 'C'],
    [26, 717, '17 925 ÷ 234 = 76,6026', 76.6, 'C'],
    [19, 524, '13 100 ÷ 171 = 76,6082', 76.61, 'B'],
    [5000, 137889, '3 447 225 ÷ 45 000 = 76,605 exactly, half up', 76.61, 'B'],
    [19, 604, '15 100 ÷ 171 = 88,3041', 88.3, 'B'],
    [24, 763, '19 075 ÷ 216 = 88,3102', 88.31, 'A'],
    [5000, 158949, '3 973 725 ÷ 45 000 = 88,305 exactly, half up', 88.31, 'A'],
    [1, 36, '900 ÷ 9 = 100 exactly', 100, 'A'],
  ] as const)(
    'bands %i respondents totalling %i (%s) as %f, %s',
    (count, total, _, value, mutu) => {
      const result = ikm(responses(count, total));

      expect(result).toMatchObject({
        respondents: count,
        total,
        value,
        mutu,
        kinerja: KINERJA[mutu],
      });
    },
  );

  it('is null without respondents', () => {
    expect(ikm([])).toBeNull();
  });

  it('refuses a response that is not nine scores from 1 to 4', () => {
    const short = [4, 4, 4] as unknown as SkmAnswers;
    const zero = [0, 4, 4, 4, 4, 4, 4, 4, 4] as unknown as SkmAnswers;

    expect(() => ikm([short])).toThrow(RangeError);
    expect(() => ikm([r32, zero])).toThrow(RangeError);
  });
});

describe('mutuOf', () => {
  it.each([
    [25, 'D'],
    [64.99, 'D'],
    [65, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [100, 'A'],
  ] as const)('bands %f as %s (DOMAIN.md §2.4)', (value, mutu) => {
    expect(mutuOf(value)).toBe(mutu);
  });

  it('gives each band its kinerja', () => {
    expect(KINERJA).toEqual({ A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' });
  });
});

describe('formatIkm', () => {
  it('writes two decimals after a comma', () => {
    expect(formatIkm(87.5)).toBe('87,50');
    expect(formatIkm(100)).toBe('100,00');
    expect(formatIkm(88.31)).toBe('88,31');
    expect(formatIkm(65.05)).toBe('65,05');
    expect(formatIkm(25)).toBe('25,00');
  });
});

describe('krejcieMorgan', () => {
  // Hand check of the formula, 3841N ÷ (10N + 3831): N = 50 gives 192 050 ÷ 4 331 = 44,34 → 44;
  // N = 500 gives 1 920 500 ÷ 8 831 = 217,47 → 217; N = 10 gives 38 410 ÷ 3 931 = 9,77 → 10.
  it.each([
    [10, 10],
    [20, 19],
    [30, 28],
    [50, 44],
    [75, 63],
    [100, 80],
    [150, 108],
    [200, 132],
    [300, 169],
    [500, 217],
    [1000, 278],
    [1500, 306],
    [2000, 322],
    [3000, 341],
    [5000, 357],
    [10000, 370],
    [20000, 377],
    [50000, 381],
    [75000, 382],
    [1000000, 384],
  ])('needs the published table’s sample from %i users: %i', (population, sample) => {
    expect(krejcieMorgan(population)).toBe(sample);
  });

  it('reaches 384 at 244 865 users and stays there', () => {
    // 3841N ÷ (10N + 3831) ≥ 383,5 ⇔ 6N ≥ 1 469 188,5 ⇔ N ≥ 244 864,75. The table has no
    // 100 000 row: the formula gives 384 100 000 ÷ 1 003 831 = 382,63 → 383 there.
    expect(krejcieMorgan(100000)).toBe(383);
    expect(krejcieMorgan(244864)).toBe(383);
    expect(krejcieMorgan(244865)).toBe(384);
    expect(krejcieMorgan(Number.MAX_SAFE_INTEGER)).toBe(384);
  });

  it('needs none from no users, and refuses what is not a population', () => {
    expect(krejcieMorgan(0)).toBe(0);
    expect(() => krejcieMorgan(-1)).toThrow(RangeError);
    expect(() => krejcieMorgan(2.5)).toThrow(RangeError);
  });
});
