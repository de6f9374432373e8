/**
 * Every fixed text a citizen or staff member sees, Indonesian first (KBBI spelling:
 * antrean, silakan, nomor, izin, meterai, Jumat), English second. Texts from the config
 * go through localized() instead. Placeholders are written `{name}`.
 * Must: STRINGS.en has exactly the keys of STRINGS.id (checked by the type below).
 */
import type { Language } from '../config/schema';

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

  'agencies.title': 'Pilih Instansi',
  'agencies.search': 'Cari instansi atau layanan…',
  'agencies.resultAgencies': 'Instansi',
  'agencies.resultServices': 'Layanan',
  'agencies.noResults':
    'Tidak ada hasil untuk “{query}”. Coba kata lain atau minta bantuan petugas.',

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
  'detail.quotaExhausted': 'Kuota layanan hari ini telah habis',
  'detail.closed': 'Layanan sedang tutup',
  'detail.holiday': 'Hari ini hari libur, layanan tutup',
  'detail.hours': 'Jam layanan: {hours}',
  'detail.notOffered': 'Layanan ini tidak tersedia di MPP ini',

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

  'missing.title': 'Persyaratan wajib Anda belum lengkap',
  'missing.list': 'Yang belum ada:',
  'missing.qr': 'Pindai kode QR ini untuk menyimpan daftar',
  'missing.qrLabel': 'Kode QR daftar persyaratan',
  'missing.print': 'Cetak Daftar',
  'missing.queueAnyway': 'Tetap ambil antrean untuk konsultasi',
  'missing.consultNote': 'Petugas dapat menjelaskan persyaratan yang belum lengkap.',

  'prerequisite.title': 'Sebelum ke layanan ini',
  'prerequisite.service': 'Pastikan Anda telah mengurus {service} di {agency} terlebih dahulu',
  'prerequisite.agency': 'Pastikan Anda telah mengurus keperluan di {agency} terlebih dahulu',
  'prerequisite.confirm': 'Sudah, lanjutkan',
  'prerequisite.goto': 'Ambil antrean {agency}',

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
  'ticket.peopleAhead': 'Sisa antrean: {count} orang',
  'ticket.wait': 'Perkiraan waktu tunggu: {wait}',
  'ticket.prepare': 'Siapkan persyaratan: {list}',
  'ticket.qr': 'Pindai kode QR ini dengan ponsel Anda',
  'ticket.qrLabel': 'Kode QR tiket {number}',
  'ticket.keep': 'Harap simpan tiket ini',
  'ticket.waitCall': 'Silakan menunggu panggilan',
  'ticket.print': 'Cetak Tiket',
  'ticket.done': 'Selesai',
  'ticket.emergency': 'Nomor ini berasal dari cadangan anjungan ini',

  'quota.title': 'Kuota layanan hari ini telah habis',
  'quota.hint': 'Silakan datang kembali pada hari layanan berikutnya atau pilih layanan lain.',

  'idle.title': 'Masih di sini?',
  'idle.countdown': 'Layar akan kembali ke awal dalam {seconds} detik',
  'idle.extend': 'Ya, saya masih di sini',

  'outOfService.title': 'Anjungan tidak dapat menyimpan — hubungi petugas',

  'boot.loading': 'Memuat…',
  'boot.waitingConfig': 'Menunggu konfigurasi dari server — pastikan server situs menyala',

  'setup.title': 'Pengaturan Perangkat',
  'setup.name': 'Nama perangkat',
  'setup.profile': 'Profil',
  'setup.chooseProfile': 'Pilih profil…',
  'setup.slot': 'Nomor perangkat (1–26)',
  'setup.slotHint': 'Setiap anjungan di gedung ini harus memakai nomor yang berbeda',
  'setup.submit': 'Simpan',
  'setup.errorName': 'Nama perangkat wajib diisi',
  'setup.errorProfile': 'Pilih salah satu profil',
  'setup.errorSlot': 'Nomor perangkat harus bilangan bulat dari 1 sampai 26',
  'setup.noProfiles': 'Konfigurasi belum memiliki profil anjungan atau unit keliling',

  'info.missing': 'Yang belum Anda miliki',
  'info.notFound': 'Layanan tidak ditemukan',

  'print.number': 'Nomor Antrean',
  'print.missingTitle': 'Persyaratan yang belum lengkap',
  'print.missingHint': 'Lengkapi dokumen ini, lalu ambil nomor antrean kembali.',
} as const;

/** A key of the string table. */
export type StringKey = keyof typeof id;

const en = {
  'nav.back': 'Back',
  'nav.home': 'Home',
  'nav.toolbar': 'Navigation',
  'display.largeText': 'Large text',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',
  'language.choose': 'Choose a language',

  'attract.welcome': 'Welcome to {site}',
  'attract.touch': 'Touch to start',

  'agencies.title': 'Choose an Agency',
  'agencies.search': 'Search agencies or services…',
  'agencies.resultAgencies': 'Agencies',
  'agencies.resultServices': 'Services',
  'agencies.noResults': 'No results for “{query}”. Try another word or ask a staff member.',

  'availability.quotaExhausted': 'Quota used up',
  'availability.closed': 'Closed',
  'availability.notOffered': 'Not available at this MPP',
  'availability.remaining': 'Remaining today: {count}',

  'services.title': 'Choose a Service',
  'services.duration': 'Processing time: {value}',
  'services.cost': 'Cost: {value}',

  'detail.requirements': 'Requirements',
  'detail.procedure': 'Procedure',
  'detail.duration': 'Processing Time',
  'detail.cost': 'Cost',
  'detail.product': 'Service Product',
  'detail.complaints': 'Complaints',
  'detail.legalBasis': 'Legal Basis',
  'detail.costLegalBasis': 'Legal basis: {value}',
  'detail.otherCosts': 'Other costs (non-PNBP): {value}',
  'detail.mandatory': 'Required',
  'detail.optional': 'Optional',
  'detail.anyOf': 'One of:',
  'detail.conditional': 'Only if you answer “{answer}” to: {question}',
  'detail.start': 'Check Requirements',
  'detail.quotaExhausted': "Today's quota for this service has been used up",
  'detail.closed': 'This service is closed now',
  'detail.holiday': 'Today is a holiday, the service is closed',
  'detail.hours': 'Service hours: {hours}',
  'detail.notOffered': 'This service is not available at this MPP',

  'complaint.web': 'Website',
  'complaint.whatsapp': 'WhatsApp',
  'complaint.phone': 'Phone',
  'complaint.email': 'Email',
  'complaint.sms': 'SMS',
  'complaint.lapor': 'SP4N-LAPOR!',
  'complaint.desk': 'Complaints desk',

  'question.yes': 'Yes',
  'question.no': 'No',

  'checklist.title': 'Do you have these documents with you?',
  'checklist.present': 'I have it',
  'checklist.absent': 'Not yet',
  'checklist.progress': '{done} of {total} answered',
  'checklist.next': 'Continue',

  'missing.title': 'Your required documents are not complete',
  'missing.list': 'Still missing:',
  'missing.qr': 'Scan this QR code to keep the list',
  'missing.qrLabel': 'QR code of the requirement list',
  'missing.print': 'Print List',
  'missing.queueAnyway': 'Take a number anyway, for a consultation',
  'missing.consultNote': 'Staff can explain the requirements that are still missing.',

  'prerequisite.title': 'Before this service',
  'prerequisite.service': 'Make sure you have completed {service} at {agency} first',
  'prerequisite.agency': 'Make sure you have completed your business at {agency} first',
  'prerequisite.confirm': 'Done, continue',
  'prerequisite.goto': 'Take a number for {agency}',

  'priority.title': 'Do you belong to a priority group?',
  'priority.lansia': 'Older person (60 or over)',
  'priority.disabilitas': 'Person with a disability',
  'priority.hamil': 'Pregnant woman',
  'priority.balita': 'With a child under five',
  'priority.none': 'No',
  'priority.note': 'Staff will verify priority',

  'confirm.title': 'Check your choice',
  'confirm.agency': 'Agency',
  'confirm.service': 'Service',
  'confirm.priority': 'Priority',
  'confirm.purpose': 'Purpose',
  'confirm.consultation': 'for a consultation',
  'confirm.submit': 'Take a Queue Number',

  'issuing.status': 'Saving your ticket…',

  'ticket.title': 'Your Queue Number',
  'ticket.zone': 'Zone {zone}',
  'ticket.time': 'at {time}',
  'ticket.peopleAhead': 'People ahead of you: {count}',
  'ticket.wait': 'Estimated wait: {wait}',
  'ticket.prepare': 'Have these ready: {list}',
  'ticket.qr': 'Scan this QR code with your phone',
  'ticket.qrLabel': 'QR code of ticket {number}',
  'ticket.keep': 'Please keep this ticket',
  'ticket.waitCall': 'Please wait to be called',
  'ticket.print': 'Print Ticket',
  'ticket.done': 'Done',
  'ticket.emergency': "This number comes from this kiosk's reserve",

  'quota.title': "Today's quota for this service has been used up",
  'quota.hint': 'Please come back on the next service day or choose another service.',

  'idle.title': 'Still there?',
  'idle.countdown': 'The screen returns to the start in {seconds} seconds',
  'idle.extend': "Yes, I'm still here",

  'outOfService.title': 'This kiosk cannot save — please contact staff',

  'boot.loading': 'Loading…',
  'boot.waitingConfig': 'Waiting for the configuration — make sure the site server is running',

  'setup.title': 'Device Setup',
  'setup.name': 'Device name',
  'setup.profile': 'Profile',
  'setup.chooseProfile': 'Choose a profile…',
  'setup.slot': 'Device number (1–26)',
  'setup.slotHint': 'Every kiosk in this building must use a different number',
  'setup.submit': 'Save',
  'setup.errorName': 'The device name is required',
  'setup.errorProfile': 'Choose a profile',
  'setup.errorSlot': 'The device number must be a whole number from 1 to 26',
  'setup.noProfiles': 'The configuration has no kiosk or mobile profile yet',

  'info.missing': "What you don't have yet",
  'info.notFound': 'Service not found',

  'print.number': 'Queue Number',
  'print.missingTitle': 'Requirements still missing',
  'print.missingHint': 'Complete these documents, then take a queue number again.',
} as const satisfies Record<StringKey, string>;

/** The string tables; both languages have exactly the same keys. */
export const STRINGS = { id, en } as const satisfies Record<Language, Record<StringKey, string>>;

/** Values for the `{name}` placeholders of a string. */
export type StringParams = Readonly<Record<string, string | number>>;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: StringKey, params?: StringParams): string {
  const template: string = STRINGS[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
