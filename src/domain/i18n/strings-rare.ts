/**
 * The Indonesian texts of the kiosk's rarer screens (a missing list, a prerequisite, a spent
 * quota, the idle warning), registered when one of them is imported: they come with those
 * screens' chunk, never on the way to a ticket. Their English is in ./strings-en.ts.
 */
import { registerStrings } from './strings';

export const RARE_ID = {
  'missing.title': 'Persyaratan wajib Anda belum lengkap',
  'missing.list': 'Yang belum ada:',
  'missing.qrLabel': 'Kode QR daftar persyaratan',
  'missing.print': 'Cetak Daftar',
  'missing.queueAnyway': 'Tetap ambil antrean untuk konsultasi',
  'missing.consultNote': 'Petugas dapat menjelaskan persyaratan yang belum lengkap.',
  'prerequisite.title': 'Sebelum ke layanan ini',
  'prerequisite.service': 'Pastikan Anda telah mengurus {service} di {agency} terlebih dahulu',
  'prerequisite.agency': 'Pastikan Anda telah mengurus keperluan di {agency} terlebih dahulu',
  'prerequisite.confirm': 'Sudah, lanjutkan',
  'prerequisite.goto': 'Ambil antrean {agency}',
  'prerequisite.journey': 'Ambil nomor untuk keduanya, {agency} dulu',
  'quota.title': 'Kuota layanan hari ini telah habis',
  'quota.hint': 'Silakan datang kembali pada hari layanan berikutnya atau pilih layanan lain.',
  'idle.title': 'Masih di sini?',
  'idle.countdown': 'Layar akan kembali ke awal dalam {seconds} detik',
  'idle.extend': 'Ya, saya masih di sini',
} as const;

registerStrings('id', RARE_ID);
