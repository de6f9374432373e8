/**
 * The words of the admin's MPP bergerak visits screen, Indonesian first (KBBI: antrean,
 * silakan, nomor) and English. Their own table beside ./text.ts, checked the same way.
 */
import type { AdminLanguage } from './text';

export const VISITS_TEXT = {
  id: {
    tab: 'Kunjungan',
    title: 'Kunjungan MPP bergerak',
    lead: 'Hari-hari layanan keliling di kelurahan: tempat, jam, tim dan kuota nomor antrean tiap layanan. Perubahan sampai ke perangkat sebagai konfigurasi baru; kunjungan yang sudah lewat tidak dapat diubah atau dihapus.',
    none: 'Belum ada kunjungan.',
    'col.days': 'Hari',
    'col.place': 'Tempat',
    'col.hours': 'Jam',
    'col.team': 'Tim',
    'col.services': 'Layanan (kuota per hari)',
    'col.status': 'Status',
    'col.actions': 'Tindakan',
    'status.coming': 'Akan datang',
    'status.today': 'Berlangsung hari ini',
    'status.over': 'Sudah lewat',
    kelurahanOf: 'Kelurahan {kelurahan}',
    kecamatanOf: 'Kecamatan {kecamatan}',
    defaultTeam: '{team} (bawaan)',
    perDay: '{service}: {quota} per hari',
    dayRange: '{first} sampai {last}',
    edit: 'Ubah',
    remove: 'Hapus',
    report: 'Laporan',
    removeConfirm:
      'Hapus kunjungan ke Kelurahan {kelurahan} ({days})? Kunjungan ini hilang dari jadwal di anjungan, papan antrean dan perangkat MPP bergerak begitu perangkat menerima konfigurasi baru, dan laporannya tidak dapat dibuka lagi di sini.',
    confirmRemove: 'Ya, hapus',
    cancel: 'Batal',
    addTitle: 'Tambah kunjungan',
    editTitle: 'Ubah kunjungan {id}',
    id: 'Kode kunjungan',
    idNote:
      'Nama pendek: huruf kecil, angka dan tanda hubung, tanpa spasi, mis. sukamaju-2026-12-10. Terisi dari kelurahan dan hari pertama; boleh diganti. Tidak dapat diubah setelah disimpan.',
    date: 'Hari pertama',
    until: 'Hari terakhir (opsional)',
    untilNote: 'Kosongkan untuk kunjungan satu hari. Satu kunjungan paling lama {max} hari.',
    team: 'Tim (opsional)',
    teamNote:
      'Unit MPP bergerak yang datang, mis. tim-2. Kosongkan bila situs hanya punya satu unit.',
    kelurahan: 'Kelurahan',
    kecamatan: 'Kecamatan (opsional)',
    place: 'Tempat (mis. Balai Kelurahan Sukamaju)',
    from: 'Jam buka',
    to: 'Jam tutup',
    services: 'Layanan yang dibawa',
    servicesNote:
      'Hanya layanan yang dapat dilayani di MPP bergerak. Kuota berlaku untuk setiap hari kunjungan.',
    quotaFor: 'Kuota per hari, {service}',
    noServices:
      'Belum ada layanan yang ditawarkan di MPP bergerak: tambahkan "mobile" pada offeredAt layanan di konfigurasi instansi.',
    chooseService: 'Pilih sedikitnya satu layanan.',
    save: 'Simpan kunjungan',
    cancelEdit: 'Batal mengubah',
    reportTitle: 'Laporan Kelurahan {kelurahan}, {days}',
    reportNote:
      'Dari nomor antrean yang diterbitkan unit MPP bergerak pada hari kunjungan dan sudah tersinkron ke server. Waktu tunggu: dari terbit sampai pertama dipanggil.',
    'r.service': 'Layanan',
    'r.issued': 'Terbit',
    'r.served': 'Selesai dilayani',
    'r.received': 'Berkas diterima',
    'r.incomplete': 'Persyaratan kurang',
    'r.noShows': 'Tidak hadir',
    'r.open': 'Belum selesai',
    'r.averageWait': 'Rata-rata tunggu (menit)',
    'r.longestWait': 'Tunggu terlama (menit)',
    'r.quotaUsed': 'Kuota terpakai',
    issuedOf: '{issued} dari {quota}',
    total: 'Jumlah',
    csv: 'Unduh CSV',
    closeReport: 'Tutup laporan',
  },
  en: {
    tab: 'Visits',
    title: 'MPP bergerak visits',
    lead: 'Mobile service days in a kelurahan: place, hours, team and each service’s quota of queue numbers. Changes reach the devices as a new config; a visit that is over can no longer be changed or removed.',
    none: 'No visit yet.',
    'col.days': 'Days',
    'col.place': 'Place',
    'col.hours': 'Hours',
    'col.team': 'Team',
    'col.services': 'Services (quota per day)',
    'col.status': 'Status',
    'col.actions': 'Actions',
    'status.coming': 'Coming',
    'status.today': 'Under way today',
    'status.over': 'Over',
    kelurahanOf: 'Kelurahan {kelurahan}',
    kecamatanOf: 'Kecamatan {kecamatan}',
    defaultTeam: '{team} (default)',
    perDay: '{service}: {quota} a day',
    dayRange: '{first} to {last}',
    edit: 'Edit',
    remove: 'Delete',
    report: 'Report',
    removeConfirm:
      'Delete the visit to Kelurahan {kelurahan} ({days})? It leaves the schedule on the kiosks, queue boards and mobile units as soon as they receive the new config, and its report can no longer be opened here.',
    confirmRemove: 'Yes, delete',
    cancel: 'Cancel',
    addTitle: 'Add a visit',
    editTitle: 'Edit visit {id}',
    id: 'Visit code',
    idNote:
      'A short name: lower-case letters, digits and hyphens, no spaces, e.g. sukamaju-2026-12-10. Filled in from the kelurahan and first day; you may change it. It cannot change once saved.',
    date: 'First day',
    until: 'Last day (optional)',
    untilNote: 'Leave empty for a one-day visit. A visit lasts at most {max} days.',
    team: 'Team (optional)',
    teamNote: 'The mobile unit that goes, e.g. tim-2. Leave empty if the site has one unit.',
    kelurahan: 'Kelurahan',
    kecamatan: 'Kecamatan (optional)',
    place: 'Place (e.g. Balai Kelurahan Sukamaju)',
    from: 'Opens at',
    to: 'Closes at',
    services: 'Services carried',
    servicesNote:
      'Only services a mobile unit can serve. The quota applies to each day of the visit.',
    quotaFor: 'Quota per day, {service}',
    noServices:
      'No service is offered at mobile units yet: add "mobile" to a service’s offeredAt in the agency config.',
    chooseService: 'Choose at least one service.',
    save: 'Save the visit',
    cancelEdit: 'Stop editing',
    reportTitle: 'Report: Kelurahan {kelurahan}, {days}',
    reportNote:
      'From the queue numbers a mobile unit issued on the visit’s days and already synced to the server. Wait: from issue to the first call.',
    'r.service': 'Service',
    'r.issued': 'Issued',
    'r.served': 'Served',
    'r.received': 'File received',
    'r.incomplete': 'Requirements missing',
    'r.noShows': 'No-shows',
    'r.open': 'Not finished',
    'r.averageWait': 'Average wait (min)',
    'r.longestWait': 'Longest wait (min)',
    'r.quotaUsed': 'Quota used',
    issuedOf: '{issued} of {quota}',
    total: 'Total',
    csv: 'Download CSV',
    closeReport: 'Close the report',
  },
} as const satisfies Record<AdminLanguage, Record<string, string>>;

export type VisitsTextKey = keyof (typeof VISITS_TEXT)['id'];

// Every key in both languages.
const _sameKeys: Record<keyof (typeof VISITS_TEXT)['en'], string> = VISITS_TEXT.id;
void _sameKeys;

/** A text of the visits screen in `lang`, with its {placeholders} filled. */
export function vt(
  lang: AdminLanguage,
  key: VisitsTextKey,
  values: Record<string, string | number> = {},
): string {
  return VISITS_TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}
