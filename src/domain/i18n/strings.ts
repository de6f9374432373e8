/**
 * Every fixed text a citizen or staff member sees, Indonesian first (KBBI spelling:
 * antrean, silakan, nomor, izin, meterai, Jumat), English second. Texts from the config
 * go through localized() instead. Placeholders are written `{name}`.
 * Must: STRINGS.en has exactly the keys of STRINGS.id (checked by the type below).
 */
import type { Language } from '../config/schema';
import type { PAGES_ID } from './strings-pages';
import type { RARE_ID } from './strings-rare';
import type { SPEECH_ID } from './strings-speech';

const id = {
  'nav.back': 'Kembali',
  'nav.home': 'Beranda',
  'nav.toolbar': 'Navigasi',
  'display.largeText': 'Teks besar',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',
  'language.choose': 'Pilih bahasa',

  'attract.welcome': 'Selamat datang di {site}',
  'attract.touch': 'Sentuh untuk mulai',
  'attract.closed': '{site} sedang tutup',
  'attract.browse': 'Lihat layanan dan persyaratan',

  'agencies.title': 'Pilih Instansi',
  'agencies.search': 'Cari instansi atau layanan…',
  'agencies.more': 'Geser ke bawah untuk melihat lainnya',

  'availability.quotaExhausted': 'Kuota habis',
  'availability.closed': 'Tutup',
  'availability.notOffered': 'Tidak tersedia di MPP ini',
  'availability.remaining': 'Sisa kuota hari ini: {count}',

  'services.title': 'Pilih Layanan',
  'services.duration': 'Jangka waktu: {value}',
  'services.cost': 'Biaya: {value}',

  'detail.requirements': 'Persyaratan',
  'detail.procedure': 'Alur Pelayanan',
  'detail.duration': 'Jangka Waktu',
  'detail.cost': 'Biaya',
  'detail.product': 'Produk Layanan',
  'detail.complaints': 'Pengaduan',
  'detail.legalBasis': 'Dasar Hukum',
  'detail.costLegalBasis': 'Dasar hukum: {value}',
  'detail.otherCosts': 'Biaya lain (non-PNBP): {value}',
  'detail.mandatory': 'Wajib',
  'detail.optional': 'Tidak wajib',
  'detail.anyOf': 'Salah satu dari:',
  'detail.conditional': 'Hanya jika jawaban Anda “{answer}” untuk: {question}',
  'detail.start': 'Periksa Persyaratan',

  'complaint.web': 'Situs web',
  'complaint.whatsapp': 'WhatsApp',
  'complaint.phone': 'Telepon',
  'complaint.email': 'Surel',
  'complaint.sms': 'SMS',
  'complaint.lapor': 'SP4N-LAPOR!',
  'complaint.desk': 'Meja pengaduan',

  'question.yes': 'Ya',
  'question.no': 'Tidak',

  'checklist.title': 'Apakah Anda membawa dokumen berikut?',
  'checklist.present': 'Ada',
  'checklist.absent': 'Belum ada',
  'checklist.progress': '{done} dari {total} sudah dijawab',
  'checklist.next': 'Lanjut',

  'priority.title': 'Apakah Anda termasuk kelompok prioritas?',
  'priority.lansia': 'Lansia (60 tahun ke atas)',
  'priority.disabilitas': 'Penyandang disabilitas',
  'priority.hamil': 'Ibu hamil',
  'priority.balita': 'Membawa balita',
  'priority.none': 'Tidak',
  'priority.note': 'Prioritas akan diverifikasi petugas',

  'confirm.title': 'Periksa kembali pilihan Anda',
  'confirm.agency': 'Instansi',
  'confirm.service': 'Layanan',
  'confirm.priority': 'Prioritas',
  'confirm.purpose': 'Keperluan',
  'confirm.consultation': 'untuk konsultasi',
  'confirm.submit': 'Ambil Nomor Antrean',

  'issuing.status': 'Menyimpan tiket…',

  'ticket.title': 'Nomor Antrean Anda',
  'ticket.zone': 'Zona {zone}',
  'ticket.time': 'pukul {time}',
  'ticket.peopleAhead': 'Antrean di depan Anda: {count}',
  'ticket.wait': 'Perkiraan waktu tunggu: {wait}',
  'ticket.prepare': 'Siapkan persyaratan: {list}',
  'ticket.qr': 'Pindai kode QR ini dengan ponsel Anda',
  'ticket.qrLabel': 'Kode QR tiket {number}',
  'ticket.keep': 'Harap simpan tiket ini',
  'ticket.waitCall': 'Silakan menunggu panggilan',
  'ticket.print': 'Cetak Tiket',
  'ticket.done': 'Selesai',
  'ticket.emergency': 'Nomor ini berasal dari cadangan anjungan ini',
  'ticket.priority': 'Layanan prioritas: {category}',
  'ticket.consultation': 'Untuk konsultasi: persyaratan belum lengkap',

  'outOfService.title': 'Anjungan tidak dapat menyimpan — hubungi petugas',

  'boot.loading': 'Memuat…',
  'boot.waitingConfig': 'Menunggu konfigurasi dari server — pastikan server situs menyala',

  'info.missing': 'Yang belum Anda miliki',
  'info.notFound': 'Layanan tidak ditemukan',

  'print.number': 'Nomor Antrean',
} as const;

/**
 * A key of the string table: the first screens', the rarer screens' (./strings-rare.ts), the
 * phone page's (./strings-pages.ts) and the voice guidance's (./strings-speech.ts).
 */
export type StringKey =
  | keyof typeof id
  | keyof typeof RARE_ID
  | keyof typeof PAGES_ID
  | keyof typeof SPEECH_ID;

/** The Indonesian table of the first screens: always loaded. */
export const STRINGS_ID: Readonly<Record<keyof typeof id, string>> = id;

/**
 * Tables loaded so far. English lives in ./strings-en.ts and is added with
 * registerStrings() when a citizen first chooses it, so a kiosk serving in Indonesian
 * never downloads it. Until then English keys fall back to Indonesian.
 */
const loaded: Partial<Record<Language, Partial<Record<StringKey, string>>>> = { id };
/** Texts that come with a chunk of their own (./strings-rare.ts, ./strings-pages.ts). */
const more: Partial<Record<Language, Partial<Record<StringKey, string>>>> = {};

/**
 * The few texts shown in both languages before anything else can load (boot, storage
 * failure): their English is always at hand.
 */
const ALWAYS_EN: Partial<Record<StringKey, string>> = {
  'boot.loading': 'Loading…',
  'boot.waitingConfig': 'Waiting for the configuration — make sure the site server is running',
  'outOfService.title': 'This kiosk cannot save — please contact staff',
};

/** Makes a language's table (or more of it: the rarer screens' texts) available to t(). */
export function registerStrings(
  lang: Language,
  table: Readonly<Partial<Record<StringKey, string>>>,
): void {
  loaded[lang] = table;
}

/** Adds the texts a chunk brings (its screens'), without making a language loaded. */
export function addStrings(lang: Language, table: Readonly<Partial<Record<StringKey, string>>>) {
  more[lang] = { ...more[lang], ...table };
}

/** True when t() can answer in `lang`. */
export function hasStrings(lang: Language): boolean {
  return loaded[lang] !== undefined;
}

/** Values for the `{name}` placeholders of a string. */
export type StringParams = Readonly<Record<string, string | number>>;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: StringKey, params?: StringParams): string {
  const table = loaded[lang];
  const template: string =
    table?.[key] ??
    more[lang]?.[key] ??
    (lang === 'en' ? ALWAYS_EN[key] : undefined) ??
    id[key as keyof typeof id] ??
    more.id?.[key] ??
    key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
