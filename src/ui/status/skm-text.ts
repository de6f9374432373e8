/**
 * The fixed words of the SKM survey on the phone page, Indonesian first (KBBI spelling).
 * The questions and answers themselves are the regulation's (src/domain/skm.ts). Only the
 * survey's lazy chunk carries these: the page's first load never does.
 */
import type { Language } from '../../domain/config/schema';
import type { SkmProfileField } from '../../domain/skm-respondent';

type SkmWords = {
  lead: string;
  profile: string;
  fields: Record<SkmProfileField, string>;
  notGiven: string;
  suggestion: string;
  count: (used: number, max: number) => string;
  send: string;
  sending: string;
  notAnswered: string;
  /** Which questions still lack an answer, each as "2 (Sistem, …)". */
  missing: (questions: string[]) => string;
  thanks: string;
  pending: string;
  sendNow: string;
  refused: string;
};

const ID: SkmWords = {
  lead: 'Bantu kami memperbaiki layanan: 9 pertanyaan singkat, tanpa nama. Pilih satu jawaban untuk setiap pertanyaan.',
  profile: 'Tentang Anda (boleh dikosongkan)',
  fields: {
    ageBand: 'Usia',
    sex: 'Jenis kelamin',
    education: 'Pendidikan terakhir',
    occupation: 'Pekerjaan',
  },
  notGiven: '— tidak diisi —',
  suggestion: 'Saran untuk layanan ini (boleh dikosongkan)',
  count: (used, max) => `${used}/${max} karakter`,
  send: 'Kirim survei',
  sending: 'Mengirim…',
  notAnswered: 'Belum dijawab',
  missing: (questions) =>
    `Belum dijawab: pertanyaan ${questions.join(', ')}. Silakan pilih satu jawaban untuk setiap pertanyaan.`,
  thanks: 'Terima kasih, jawaban Anda sudah kami terima.',
  pending:
    'Belum terkirim: jawaban disimpan di perangkat ini dan dikirim otomatis saat tersambung.',
  sendNow: 'Kirim sekarang',
  refused: 'Jawaban belum diterima server:',
};

const EN: SkmWords = {
  lead: 'Help us improve the service: 9 short questions, no name asked. Choose one answer for each question.',
  profile: 'About you (optional)',
  fields: {
    ageBand: 'Age',
    sex: 'Sex',
    education: 'Education',
    occupation: 'Occupation',
  },
  notGiven: '— not given —',
  suggestion: 'Your suggestion for this service (optional)',
  count: (used, max) => `${used}/${max} characters`,
  send: 'Send the survey',
  sending: 'Sending…',
  notAnswered: 'Not answered yet',
  missing: (questions) =>
    `Not answered yet: ${questions.length === 1 ? 'question' : 'questions'} ${questions.join(', ')}. Please choose one answer for each question.`,
  thanks: 'Thank you, we have received your answers.',
  pending:
    'Not sent yet: your answers are kept on this device and sent automatically once it is online.',
  sendNow: 'Send now',
  refused: 'The server did not accept the answers:',
};

/** The survey's words in `lang`. */
export function skmWords(lang: Language): SkmWords {
  return lang === 'en' ? EN : ID;
}
