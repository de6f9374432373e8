/** The printed ticket and missing list as device-neutral documents. */
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS } from '../../src/domain/requirements';
import type { IssuedTicket } from '../../src/machines/kiosk.types';
import { journeyWords } from '../../src/printing/journey-lines';
import { missingListLayout, requirementListLayout } from '../../src/printing/requirement-list';
import { provideJourneyWords, ticketLayout } from '../../src/printing/ticket-layout';
import { agency } from '../fixtures/catalogue';
import { kioskBundle } from '../fixtures/kiosk';
import { SAMPLE_TICKET } from '../fixtures/tickets';

const TICKET = SAMPLE_TICKET;
const URL = 'https://antrean.test/t/0190f5e0';

const withZone = () => {
  const config = kioskBundle();
  const first = config.agencies[0] ?? agency('x');
  config.agencies[0] = { ...first, zone: 'B' };
  return config;
};

describe('ticketLayout', () => {
  it('lays out MPP, agency – zona, service, big number, date, queue, requirements, QR', () => {
    const doc = ticketLayout({
      config: withZone(),
      ticket: TICKET,
      lang: 'id',
      answers: { questions: { 'ktp-hilang': true }, marks: {} },
      url: URL,
    });
    expect(doc.lines.map((l) => l.text)).toEqual([
      'Mal Pelayanan Publik Kota Contoh',
      'Disdukcapil – Zona B',
      'Cetak Ulang KTP-el',
      'Nomor Antrean',
      'A-012',
      'Jumat, 20 November 2026, pukul 08.05 WIB',
      'Antrean di depan Anda: 5',
      'Perkiraan waktu tunggu: ± 20 menit',
      'Siapkan persyaratan: Fotokopi KK, Surat keterangan kehilangan dari kepolisian',
      'Harap simpan tiket ini',
      'Pindai kode QR ini dengan ponsel Anda',
      URL,
    ]);
    expect(doc.lines[4]).toEqual({ text: 'A-012', align: 'center', size: 'huge', bold: true });
    expect(doc.qr).toBe(URL);
  });

  it('sends the citizen to the desk that serves the service, another agency’s (servedAt)', () => {
    const config = withZone();
    const [own, desk] = config.agencies;
    if (!own || !desk) throw new Error('fixture has two agencies');
    config.agencies[1] = { ...desk, zone: { id: 'Zona C', en: 'Zone C' } };
    config.agencies[0] = {
      ...own,
      services: own.services.map((s) => ({ ...s, servedAt: desk.id })),
    };

    const doc = ticketLayout({
      config,
      ticket: TICKET,
      lang: 'id',
      answers: EMPTY_ANSWERS,
      url: URL,
    });

    expect(doc.lines[1]?.text).toBe(`${desk.shortName.id} – Zona C`);
    expect(doc.lines[2]?.text).toBe('Cetak Ulang KTP-el');
  });

  it('states a priority category and a consultation purpose under the number', () => {
    const doc = ticketLayout({
      config: kioskBundle(),
      ticket: { ...TICKET, priority: 'lansia', purpose: 'consultation' },
      lang: 'id',
      answers: EMPTY_ANSWERS,
      url: URL,
    });
    const texts = doc.lines.map((l) => l.text);
    const number = texts.indexOf('A-012');

    expect(texts.slice(number + 1, number + 3)).toEqual([
      'Layanan prioritas: Lansia (60 tahun ke atas)',
      'Untuk konsultasi: persyaratan belum lengkap',
    ]);
  });

  it('prints in English, without a zone, and notes an emergency number', () => {
    const doc = ticketLayout({
      config: kioskBundle(),
      ticket: {
        ...TICKET,
        number: 'A-K001',
        emergency: true,
        priority: null,
        purpose: 'service',
        waitMinutes: 0,
      },
      lang: 'en',
      answers: EMPTY_ANSWERS,
      url: URL,
    });
    const texts = doc.lines.map((l) => l.text);
    expect(texts[1]).toBe('Civil Registry');
    expect(texts).toContain('Friday, 20 November 2026, at 08.05 WIB');
    expect(texts).toContain('Estimated wait: You are next');
    expect(texts).toContain("This number comes from this kiosk's reserve");
    expect(texts).toContain('Have these ready: Copy of family card'); // no question answered yet
  });
});

describe('ticketLayout: the zone', () => {
  const zoned = (zone: string | { id: string; en?: string }) => {
    const config = kioskBundle();
    const first = config.agencies[0] ?? agency('x');
    config.agencies[0] = { ...first, zone };
    return config;
  };
  const where = (zone: string | { id: string; en?: string }, lang: 'id' | 'en') =>
    ticketLayout({ config: zoned(zone), ticket: TICKET, lang, answers: EMPTY_ANSWERS, url: URL })
      .lines[1]?.text;

  it('words a zone given in both languages in the ticket’s language', () => {
    const both = { id: 'Zona A, lantai 1', en: 'Zone A, 1st floor' };

    expect(where(both, 'id')).toBe('Disdukcapil – Zona A, lantai 1');
    expect(where(both, 'en')).toBe('Civil Registry – Zone A, 1st floor');
  });

  it('keeps a zone given in Indonesian only, and names a bare letter in each language', () => {
    expect(where({ id: 'Zona A, lantai 1' }, 'en')).toBe('Civil Registry – Zona A, lantai 1');
    expect(where('B', 'id')).toBe('Disdukcapil – Zona B');
    expect(where('B', 'en')).toBe('Civil Registry – Zone B');
  });
});

describe('missingListLayout', () => {
  it('lists the missing requirements by label with the QR of the phone page', () => {
    const doc = missingListLayout({
      config: kioskBundle(),
      serviceId: 'disdukcapil-ktp-el-cetak-ulang',
      missing: ['kk', 'surat-kehilangan'],
      lang: 'id',
      url: 'https://antrean.test/info/x',
    });
    expect(doc.lines.map((l) => l.text)).toEqual([
      'Mal Pelayanan Publik Kota Contoh',
      'Persyaratan yang belum lengkap',
      'Disdukcapil – Cetak Ulang KTP-el',
      '• Fotokopi KK',
      '• Surat keterangan kehilangan dari kepolisian',
      'Lengkapi dokumen ini, lalu ambil nomor antrean kembali.',
      'Pindai kode QR ini untuk menyimpan daftar',
      'https://antrean.test/info/x',
    ]);
    expect(doc.qr).toBe('https://antrean.test/info/x');
  });
});

describe('ticketLayout of a journey', () => {
  // As the kiosk does once it loads a journey's code.
  provideJourneyWords(journeyWords);
  /** Perubahan KK at Disdukcapil (A-003, now), then BPJS Kesehatan (E-001, the chosen one). */
  const JOURNEY: IssuedTicket = {
    ...TICKET,
    id: '0190f5e0-0000-7000-8000-000000000002',
    number: 'E-001',
    agencyId: 'bpjs-kesehatan',
    serviceId: 'bpjs-kesehatan-perubahan-data',
    peopleAhead: 2,
    waitMinutes: 15,
    journey: [
      {
        id: '0190f5e0-0000-7000-8000-000000000001',
        number: 'A-003',
        agencyId: 'disdukcapil',
        serviceId: 'disdukcapil-kk-perubahan',
      },
      {
        id: '0190f5e0-0000-7000-8000-000000000002',
        number: 'E-001',
        agencyId: 'bpjs-kesehatan',
        serviceId: 'bpjs-kesehatan-perubahan-data',
      },
    ],
  };

  it('puts the first step’s number large, as the one to wait for now, then every step in order', () => {
    const doc = ticketLayout({
      config: kioskBundle(),
      ticket: JOURNEY,
      lang: 'id',
      answers: EMPTY_ANSWERS,
      url: URL,
    });

    const huge = doc.lines.filter((l) => l.size === 'huge').map((l) => l.text);
    expect(huge).toEqual(['A-003']);
    const texts = doc.lines.map((l) => l.text);
    expect(texts.slice(1, 6)).toEqual([
      'Disdukcapil',
      'Perubahan Kartu Keluarga',
      'Langkah 1 dari 2 — nomor Anda sekarang',
      'A-003',
      expect.stringMatching(/^Jumat, 20 November 2026, pukul 08\.05/),
    ]);
    const at = texts.indexOf('Langkah kunjungan Anda');
    expect(texts.slice(at + 1, at + 4)).toEqual([
      'Langkah 1: A-003 — Disdukcapil, Perubahan Kartu Keluarga (sekarang)',
      'Langkah 2: E-001 — BPJS Kesehatan, Perubahan Data Peserta (setelah langkah 1 selesai)',
      'Nomor langkah berikutnya dipanggil setelah langkah sebelumnya selesai.',
    ]);
    expect(texts).toContain('Untuk langkah 2, siapkan: Kartu JKN');
    expect(texts).toContain('Antrean di depan Anda: 2');
  });

  it('says the same in English', () => {
    const doc = ticketLayout({
      config: kioskBundle(),
      ticket: JOURNEY,
      lang: 'en',
      answers: EMPTY_ANSWERS,
      url: URL,
    });

    const texts = doc.lines.map((l) => l.text);
    expect(texts).toContain('Step 1 of 2 — your number now');
    expect(texts).toContain(
      'Step 2: E-001 — BPJS Health, Member data change (after step 1 is finished)',
    );
  });
});

describe('requirementListLayout', () => {
  it('lists every requirement of the service, marked, its alternatives, and the page in the QR', () => {
    const doc = requirementListLayout({
      config: kioskBundle(),
      serviceId: 'disdukcapil-kk-perubahan',
      lang: 'en',
      url: 'https://antrean.test/s/disdukcapil-kk-perubahan',
    });
    const texts = doc.lines.map((line) => line.text);
    expect(texts.slice(1, 3)).toEqual(['Family card update', 'Civil Registry']);
    expect(texts).toContain('• Proof of change (Required)');
    expect(texts).toContain('  – Marriage book');
    expect(texts).toContain('• Form F-1.02 (Optional)');
    expect(doc.qr).toBe('https://antrean.test/s/disdukcapil-kk-perubahan');
  });
});
