/**
 * The Indonesian texts of the kiosk's rarer screens (a missing list, a prerequisite, a spent
 * quota, the idle warning) and of the agency screen's search results and groups, registered
 * when one of them is imported: they come with those screens' chunks, never on the way to a
 * ticket; their English too.
 */
import { addStrings } from './strings';

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
  'agencies.resultAgencies': 'Instansi',
  'agencies.resultServices': 'Layanan',
  'agencies.noResults':
    'Tidak ada hasil untuk “{query}”. Coba kata lain atau minta bantuan petugas.',
  'agencies.clear': 'Hapus pencarian',
  'agencies.popular': 'Paling banyak dicari hari ini',
  'agencies.main': 'Layanan utama',
  'agencies.all': 'Semua instansi',
  'agencies.other': 'Lainnya',
  'agencies.allGroups': 'Semua kelompok',
  'idle.title': 'Masih di sini?',
  'idle.countdown': 'Layar akan kembali ke awal dalam {seconds} detik',
  'idle.extend': 'Ya, saya masih di sini',
  'personal.title': 'Data pribadi (tidak wajib)',
  'personal.purpose': 'Layanan ini meminta data berikut untuk: {purpose}',
  'personal.kept':
    'Disimpan terpisah dari antrean, disamarkan di layar dan tiket, dan dihapus setelah {days} hari.',
  'personal.consent': 'Saya setuju data ini dipakai untuk keperluan di atas',
  'personal.save': 'Setuju dan lanjut',
  'personal.skip': 'Lewati, tanpa data pribadi',
  'personal.keypad': 'Papan angka',
  'personal.erase': 'Hapus satu',
  'personal.phone': 'Nomor HP: 10–13 angka, diawali 08',
  'personal.nik': 'NIK: 16 angka',
} as const;

/** Their English. */
export const RARE_EN = {
  'missing.title': 'Your required documents are not complete',
  'missing.list': 'Still missing:',
  'missing.qrLabel': 'QR code of the requirement list',
  'missing.print': 'Print List',
  'missing.queueAnyway': 'Take a number anyway, for a consultation',
  'missing.consultNote': 'Staff can explain the requirements that are still missing.',
  'prerequisite.title': 'Before this service',
  'prerequisite.service': 'Make sure you have completed {service} at {agency} first',
  'prerequisite.agency': 'Make sure you have completed your business at {agency} first',
  'prerequisite.confirm': 'Done, continue',
  'prerequisite.goto': 'Take a number for {agency}',
  'prerequisite.journey': 'Take numbers for both, {agency} first',
  'personal.title': 'Personal data (optional)',
  'personal.purpose': 'This service asks for the data below for: {purpose}',
  'personal.kept':
    'Kept apart from the queue, masked on screen and ticket, and deleted after {days} days.',
  'personal.consent': 'I agree that this data is used for the purpose above',
  'personal.save': 'Agree and continue',
  'personal.skip': 'Skip, without personal data',
  'personal.keypad': 'Number pad',
  'personal.erase': 'Delete one',
  'personal.phone': 'Mobile number: 10–13 digits, starting with 08',
  'personal.nik': 'NIK: 16 digits',
  'quota.title': "Today's quota for this service has been used up",
  'quota.hint': 'Please come back on the next service day or choose another service.',
  'agencies.resultAgencies': 'Agencies',
  'agencies.resultServices': 'Services',
  'agencies.noResults': 'No results for “{query}”. Try another word or ask a staff member.',
  'agencies.clear': 'Clear search',
  'agencies.popular': 'Most requested today',
  'agencies.main': 'Main services',
  'agencies.all': 'All agencies',
  'agencies.other': 'Other',
  'agencies.allGroups': 'All groups',
  'idle.title': 'Still there?',
  'idle.countdown': 'The screen returns to the start in {seconds} seconds',
  'idle.extend': "Yes, I'm still here",
} as const satisfies Record<keyof typeof RARE_ID, string>;

addStrings('id', RARE_ID);
addStrings('en', RARE_EN);
