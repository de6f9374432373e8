/**
 * The Survei Kepuasan Masyarakat of PermenPANRB 14/2017 and its IKM figure (DOMAIN.md §2):
 * the nine unsur with their questions and answers, the index, its mutu band, and the
 * Krejcie–Morgan sample size. Figures are computed in integers and rounded once, at the end,
 * so a total that lands on a band edge is banded as the regulation's table says.
 */

/** A text in Indonesian and English. */
export type SkmText = { id: string; en: string };

/** An answer's score: 1 (tidak …) to 4 (sangat …). */
export type SkmScore = 1 | 2 | 3 | 4;

/** One respondent's scores, one per unsur in `SKM_UNSUR` order. */
export type SkmAnswers = readonly [
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
  SkmScore,
];

/** An unsur's stable id, for storage and reports. */
export type SkmUnsurId =
  | 'persyaratan'
  | 'prosedur'
  | 'waktu'
  | 'biaya'
  | 'produk'
  | 'kompetensi'
  | 'perilaku'
  | 'sarana'
  | 'pengaduan';

/** An unsur: its name, its question, and its answers for scores 1 to 4. */
export type SkmUnsur = {
  id: SkmUnsurId;
  name: SkmText;
  question: SkmText;
  answers: readonly [SkmText, SkmText, SkmText, SkmText];
};

type Four = readonly [string, string, string, string];

function scale(id: Four, en: Four): SkmUnsur['answers'] {
  const at = (i: 0 | 1 | 2 | 3) => ({ id: id[i], en: en[i] });
  return [at(0), at(1), at(2), at(3)];
}

/**
 * The nine unsur in the order of the regulation's sample questionnaire (DOMAIN.md §2.1,
 * sarana before pengaduan). Questions and answers follow that questionnaire as DOMAIN.md
 * §2.2 gives it (marked [M]: check against the official PDF before release). Ours: the
 * middle answers of produk, kompetensi and perilaku, which DOMAIN.md elides, and all English.
 */
export const SKM_UNSUR: readonly SkmUnsur[] = [
  {
    id: 'persyaratan',
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the requirements fit the kind of service?',
    },
    answers: scale(
      ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      ['Not suitable', 'Not very suitable', 'Suitable', 'Very suitable'],
    ),
  },
  {
    id: 'prosedur',
    name: { id: 'Sistem, Mekanisme, dan Prosedur', en: 'System, mechanism and procedure' },
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy was the service procedure at this unit?',
    },
    answers: scale(
      ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
      ['Not easy', 'Not very easy', 'Easy', 'Very easy'],
    ),
  },
  {
    id: 'waktu',
    name: { id: 'Waktu Penyelesaian', en: 'Completion time' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How quickly was the service given?',
    },
    answers: scale(
      ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
      ['Not fast', 'Not very fast', 'Fast', 'Very fast'],
    ),
  },
  {
    id: 'biaya',
    name: { id: 'Biaya/Tarif', en: 'Cost/fee' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How fair was the cost or fee of the service?',
    },
    answers: scale(
      ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
      ['Very expensive', 'Rather expensive', 'Cheap', 'Free'],
    ),
  },
  {
    id: 'produk',
    name: { id: 'Produk Spesifikasi Jenis Pelayanan', en: 'Service product' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well did what you received match the service standard?',
    },
    answers: scale(
      ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      ['Not suitable', 'Not very suitable', 'Suitable', 'Very suitable'],
    ),
  },
  {
    id: 'kompetensi',
    name: { id: 'Kompetensi Pelaksana', en: 'Staff competence' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the staff who served you?',
    },
    answers: scale(
      ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      ['Not competent', 'Not very competent', 'Competent', 'Very competent'],
    ),
  },
  {
    id: 'perilaku',
    name: { id: 'Perilaku Pelaksana', en: 'Staff conduct' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the staff who served you?',
    },
    answers: scale(
      [
        'Tidak sopan dan ramah',
        'Kurang sopan dan ramah',
        'Sopan dan ramah',
        'Sangat sopan dan ramah',
      ],
      [
        'Not polite or friendly',
        'Not very polite and friendly',
        'Polite and friendly',
        'Very polite and friendly',
      ],
    ),
  },
  {
    id: 'sarana',
    name: { id: 'Sarana dan Prasarana', en: 'Facilities' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'How good are the facilities?',
    },
    answers: scale(
      ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
      ['Poor', 'Fair', 'Good', 'Very good'],
    ),
  },
  {
    id: 'pengaduan',
    name: {
      id: 'Penanganan Pengaduan, Saran dan Masukan',
      en: 'Handling of complaints and suggestions',
    },
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    answers: scale(
      [
        'Tidak ada',
        'Ada tetapi tidak berfungsi',
        'Berfungsi kurang maksimal',
        'Dikelola dengan baik',
      ],
      ['None', 'There is one, but it does not work', 'It works, but not fully', 'Well handled'],
    ),
  },
];

/** Mutu pelayanan, A (best) to D. */
export type Mutu = 'A' | 'B' | 'C' | 'D';
/** Kinerja unit pelayanan, as the regulation's table names it. */
export type Kinerja = 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';

/** The kinerja unit pelayanan of each mutu (DOMAIN.md §2.4). */
export const KINERJA: Readonly<Record<Mutu, Kinerja>> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

/** The IKM of a set of responses, with what goes into it. */
export type IkmResult = {
  respondents: number;
  /** Every score of every respondent, summed. */
  total: number;
  /** 25 × total ÷ (respondents × 9), rounded half up to 2 decimals: 25 to 100. */
  value: number;
  mutu: Mutu;
  kinerja: Kinerja;
  /** The NRR (average score, 1 to 4, unrounded) of each unsur, in `SKM_UNSUR` order. */
  perUnsur: number[];
};

/** a ÷ b rounded half up, for non-negative integers: exact where floating point is not. */
function roundedRatio(a: number, b: number): number {
  const twice = 2 * a + b;
  return (twice - (twice % (2 * b))) / (2 * b);
}

/** The band of an IKM in hundredths: the table's edges are 2-decimal values (NIK column). */
function mutuOfHundredths(hundredths: number): Mutu {
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

/**
 * The mutu of an IKM as reported (2 decimals; finer values are rounded first): A from 88,31,
 * B from 76,61, C from 65,00, D below, so the band always agrees with the figure shown.
 */
export function mutuOf(value: number): Mutu {
  return mutuOfHundredths(Math.round(value * 100));
}

function isAnswers(answers: readonly number[]): boolean {
  return (
    answers.length === SKM_UNSUR.length &&
    answers.every((s) => s >= 1 && s <= 4 && Number.isInteger(s))
  );
}

/**
 * The IKM of a set of responses, null when there are none. Each unsur weighs exactly 1/9
 * (not the 0,111 some copies print); throws a RangeError for a response that is not nine
 * scores from 1 to 4, since stored data reaches here too.
 */
export function ikm(responses: readonly SkmAnswers[]): IkmResult | null {
  const respondents = responses.length;
  if (respondents === 0) return null;
  const sums = SKM_UNSUR.map(() => 0);
  for (const answers of responses) {
    if (!isAnswers(answers)) {
      throw new RangeError(`Not an SKM response: ${JSON.stringify(answers)}`);
    }
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] ?? 0) + (answers[i] ?? 0);
  }
  const total = sums.reduce((sum, s) => sum + s, 0);
  const hundredths = roundedRatio(2500 * total, 9 * respondents);
  const mutu = mutuOfHundredths(hundredths);
  return {
    respondents,
    total,
    value: hundredths / 100,
    mutu,
    kinerja: KINERJA[mutu],
    perUnsur: sums.map((s) => s / respondents),
  };
}

/** An IKM with a decimal comma and two decimals ("87,50", "100,00"), as id-ID reads it. */
export function formatIkm(value: number): string {
  const hundredths = Math.round(value * 100);
  return `${Math.trunc(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * The sample an SKM needs from `population` service users, by Krejcie & Morgan (1970):
 * χ²·N·P(1−P) ÷ (d²(N−1) + χ²·P(1−P)) with χ² 3,841, P 0,5, d 0,05, which times 4000 is
 * 3841N ÷ (10N + 3831). Rounded to the nearest, as their published table is (50 → 44,34 →
 * 44; rounding up would give 45). 0 for none; 384 from 244 865 on (the limit is 384,1).
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`Not a population: ${population}`);
  }
  return roundedRatio(3841 * population, 10 * population + 3831);
}
