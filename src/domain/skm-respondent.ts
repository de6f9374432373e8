/**
 * What a citizen may tell about themselves with an SKM answer (PermenPANRB 14/2017's
 * respondent profile), every part optional, and the request that carries an answer. No
 * name, NIK or phone: the survey is anonymous; the ticket it answers is the one link.
 */
import type { SkmAnswers, SkmText } from './skm';

/** The respondent's profile: each a choice among fixed options, or nothing. */
export const SKM_PROFILE = {
  ageBand: [
    ['di-bawah-20', { id: 'Di bawah 20 tahun', en: 'Under 20' }],
    ['20-29', { id: '20–29 tahun', en: '20–29' }],
    ['30-39', { id: '30–39 tahun', en: '30–39' }],
    ['40-49', { id: '40–49 tahun', en: '40–49' }],
    ['50-59', { id: '50–59 tahun', en: '50–59' }],
    ['60-ke-atas', { id: '60 tahun ke atas', en: '60 and over' }],
  ],
  sex: [
    ['laki-laki', { id: 'Laki-laki', en: 'Male' }],
    ['perempuan', { id: 'Perempuan', en: 'Female' }],
  ],
  education: [
    ['sd', { id: 'SD atau di bawahnya', en: 'Primary school or less' }],
    ['smp', { id: 'SMP', en: 'Junior high school' }],
    ['sma', { id: 'SMA/SMK', en: 'Senior high school' }],
    ['diploma', { id: 'D1–D3', en: 'Diploma' }],
    ['sarjana', { id: 'D4/S1', en: "Bachelor's degree" }],
    ['pascasarjana', { id: 'S2/S3', en: 'Postgraduate' }],
  ],
  occupation: [
    ['pns', { id: 'PNS', en: 'Civil servant' }],
    ['tni-polri', { id: 'TNI/Polri', en: 'Military or police' }],
    ['swasta', { id: 'Pegawai swasta', en: 'Private employee' }],
    ['wirausaha', { id: 'Wirausaha', en: 'Self-employed' }],
    ['pelajar', { id: 'Pelajar/Mahasiswa', en: 'Student' }],
    ['lainnya', { id: 'Lainnya', en: 'Other' }],
  ],
} as const satisfies Record<string, readonly (readonly [string, SkmText])[]>;

export type SkmProfileField = keyof typeof SKM_PROFILE;
export const SKM_PROFILE_FIELDS = Object.keys(SKM_PROFILE) as SkmProfileField[];
type OptionOf<F extends SkmProfileField> = (typeof SKM_PROFILE)[F][number][0];

/** The longest suggestion kept: a few sentences. */
export const MAX_SKM_SUGGESTION = 500;

/** POST /api/v1/tickets/:id/skm: the nine scores, and what the citizen chose to add. */
export type SkmAnswerRequest = {
  answers: SkmAnswers;
  ageBand?: OptionOf<'ageBand'>;
  sex?: OptionOf<'sex'>;
  education?: OptionOf<'education'>;
  occupation?: OptionOf<'occupation'>;
  suggestion?: string;
};

/** The option ids of a profile field, for its schema. */
export function profileOptions<F extends SkmProfileField>(field: F): OptionOf<F>[] {
  return SKM_PROFILE[field].map(([id]) => id) as OptionOf<F>[];
}
