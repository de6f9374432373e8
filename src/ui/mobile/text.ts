/**
 * The words of the MPP bergerak screen (/mobile), Indonesian first (KBBI: antrean, nomor,
 * silakan), English second. Only this screen carries them.
 */

import { formatClock } from '../../domain/format';
import type { TimeZone } from '../../domain/time';
import { calendarDay } from '../../domain/visits';
import type { Check, Shortfall } from './view';

export type MobileLanguage = 'id' | 'en';

const WORDS = {
  id: {
    title: 'MPP bergerak',
    language: 'English',
    largeText: 'Teks besar',
    prepareTitle: 'Persiapan sebelum berangkat',
    ready: 'Siap berangkat',
    readyLead: 'Perangkat dapat bekerja seharian tanpa jaringan.',
    notReady: 'Belum siap berangkat',
    notReadyLead: 'Lengkapi yang bertanda ✗ selagi masih ada jaringan.',
    checking: 'Memeriksa perangkat…',
    prepare: 'Siapkan perangkat',
    preparing: 'Menyiapkan…',
    pair: 'Pasangkan printer',
    testPrint: 'Cetak uji',
    printAsk: 'Apakah tes tercetak dengan jelas dan kode QR terbaca?',
    yes: 'Ya, jelas',
    no: 'Tidak',
    printerError: 'Printer: {detail}',
    visitsTitle: 'Kunjungan',
    noVisits: 'Tidak ada kunjungan terjadwal.',
    openKiosk: 'Buka anjungan warga',
    openCounter: 'Buka loket petugas',
    serveLead: 'Anjungan dan loket berjalan di perangkat ini, juga tanpa jaringan.',
    reportTitle: 'Laporan kunjungan',
    reportFor: 'Laporan {place}',
    csv: 'Unduh CSV',
    online: 'Daring',
    offline: 'Luring',
    pendingNone: 'Semua kejadian sudah terkirim',
    pending: '{n} kejadian menunggu dikirim sejak {time}',
    lastSync: 'terakhir tersinkron {time}',
    chartLabel: 'Kuota terpakai per layanan',
    'col.service': 'Layanan',
    'col.quota': 'Kuota',
    'col.issued': 'Terbit',
    'col.served': 'Selesai',
    'col.received': 'Berkas diterima',
    'col.incomplete': 'Persyaratan kurang',
    'col.noShows': 'Tidak hadir',
    'col.open': 'Belum selesai',
    'col.averageWait': 'Rata-rata tunggu (menit)',
    'col.longestWait': 'Tunggu terlama (menit)',
    total: 'Jumlah',
    'check.visits': 'Jadwal kunjungan',
    'check.leases': 'Nomor antrean dan kuota',
    'check.storage': 'Penyimpanan tetap',
    'check.offline': 'Aplikasi luring',
    'check.printer': 'Printer',
    'check.staff': 'Petugas',
    checkOk: 'siap',
    checkNo: 'belum',
  },
  en: {
    title: 'Mobile service',
    language: 'Bahasa Indonesia',
    largeText: 'Large text',
    prepareTitle: 'Before leaving',
    ready: 'Ready to go',
    readyLead: 'The device can work all day without a network.',
    notReady: 'Not ready to go yet',
    notReadyLead: 'Complete what is marked ✗ while there is still a network.',
    checking: 'Checking the device…',
    prepare: 'Prepare the device',
    preparing: 'Preparing…',
    pair: 'Pair the printer',
    testPrint: 'Test print',
    printAsk: 'Did the test print come out clearly, with a readable QR code?',
    yes: 'Yes, clearly',
    no: 'No',
    printerError: 'Printer: {detail}',
    visitsTitle: 'Visits',
    noVisits: 'No visit is scheduled.',
    openKiosk: 'Open the citizen kiosk',
    openCounter: 'Open the staff counter',
    serveLead: 'The kiosk and the counter run on this device, also without a network.',
    reportTitle: 'Visit report',
    reportFor: 'Report: {place}',
    csv: 'Download CSV',
    online: 'Online',
    offline: 'Offline',
    pendingNone: 'Every event has been sent',
    pending: '{n} events waiting to be sent since {time}',
    lastSync: 'last synced {time}',
    chartLabel: 'Quota used per service',
    'col.service': 'Service',
    'col.quota': 'Quota',
    'col.issued': 'Issued',
    'col.served': 'Served',
    'col.received': 'File received',
    'col.incomplete': 'Requirements missing',
    'col.noShows': 'No-shows',
    'col.open': 'Not finished',
    'col.averageWait': 'Average wait (min)',
    'col.longestWait': 'Longest wait (min)',
    total: 'Total',
    'check.visits': 'Visit schedule',
    'check.leases': 'Queue numbers and quotas',
    'check.storage': 'Persistent storage',
    'check.offline': 'Offline app',
    'check.printer': 'Printer',
    'check.staff': 'Staff',
    checkOk: 'ready',
    checkNo: 'not yet',
  },
} as const;

export type MobileWord = keyof (typeof WORDS)['id'];

/** A word of the screen, `{name}` placeholders filled. */
export function mt(
  lang: MobileLanguage,
  key: MobileWord,
  params: Record<string, string | number> = {},
): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** What one check says, in `lang`; `serviceName` names a service by id. */
export function checkDetail(
  check: Check,
  lang: MobileLanguage,
  serviceName: (id: string) => string,
  timeZone: TimeZone,
): string {
  const id = lang === 'id';
  switch (check.id) {
    case 'visits':
      return check.ok
        ? id
          ? `${check.visits} kunjungan dalam 14 hari ke depan`
          : `${check.visits} visits in the next 14 days`
        : id
          ? 'Tidak ada kunjungan dalam 14 hari ke depan'
          : 'No visit in the next 14 days';
    case 'leases':
      if (check.ok) {
        return id
          ? 'Nomor antrean dan kuota setiap hari kunjungan ada di perangkat'
          : "Every visit day's queue numbers and quotas are on the device";
      }
      return shortText(check.short, lang, serviceName);
    case 'storage':
      if (check.ok) {
        return id
          ? 'Diizinkan: browser tidak akan menghapus data'
          : 'Granted: the browser keeps the data';
      }
      return check.persisted === null
        ? id
          ? 'Browser ini tidak dapat memastikannya'
          : 'This browser cannot tell'
        : id
          ? 'Belum diizinkan — tekan “Siapkan perangkat”'
          : 'Not granted yet — press “Prepare the device”';
    case 'offline':
      return check.ok
        ? id
          ? 'Tersimpan: dapat dibuka tanpa jaringan'
          : 'Kept: opens without a network'
        : id
          ? 'Belum tersimpan — muat ulang halaman ini sekali selagi daring'
          : 'Not kept yet — reload this page once while online';
    case 'printer': {
      if (check.kind === 'none') {
        return id
          ? 'Tanpa printer: tiket ditampilkan sebagai kode QR'
          : 'No printer: tickets show as a QR code';
      }
      const tested = check.tested;
      if (tested?.ok) {
        const at = formatClock(tested.at, timeZone);
        return id ? `Diuji pukul ${at} (${tested.via})` : `Tested at ${at} (${tested.via})`;
      }
      if (tested)
        return id
          ? 'Tes terakhir gagal — periksa kertas dan daya'
          : 'The last test failed — check paper and power';
      return id
        ? 'Belum diuji — pasangkan, lalu cetak uji'
        : 'Not tested — pair it, then print a test';
    }
    case 'staff':
      return check.ok
        ? id
          ? `${check.staff} petugas dapat masuk tanpa jaringan`
          : `${check.staff} staff can sign in without a network`
        : id
          ? 'Belum ada data petugas — tekan “Siapkan perangkat” selagi daring'
          : 'No staff on the device yet — press “Prepare the device” while online';
  }
}

/** "Kurang: Kamis 10 Desember — nomor A 40 dari 90; kuota Cetak Ulang KTP-el 0 dari 60". */
function shortText(
  short: readonly Shortfall[],
  lang: MobileLanguage,
  serviceName: (id: string) => string,
) {
  const id = lang === 'id';
  const shown = short.slice(0, 3).map((s) => {
    const what =
      s.kind === 'numbers'
        ? `${id ? 'nomor' : 'numbers'} ${s.what}`
        : `${id ? 'kuota' : 'quota'} ${serviceName(s.what)}`;
    return `${calendarDay(s.day, lang)} — ${what} ${s.held} ${id ? 'dari' : 'of'} ${s.needed}`;
  });
  const more = short.length - shown.length;
  const tail = more > 0 ? (id ? `; dan ${more} lainnya` : `; and ${more} more`) : '';
  return `${id ? 'Kurang' : 'Short'}: ${shown.join('; ')}${tail}`;
}
