/**
 * Texts of the staff set-up screen, Indonesian with English beside it. Kept with the
 * screen (a separate chunk a device loads once) rather than in the kiosk's string table.
 */

export const SETUP_TEXT = {
  title: { id: 'Pendaftaran Perangkat', en: 'Device enrollment' },
  intro: {
    id: 'Masukkan kode pendaftaran dari admin. Perangkat perlu terhubung ke server situs sekali ini saja.',
    en: 'Enter the enrollment code from an admin. The device needs the site server only this once.',
  },
  code: { id: 'Kode pendaftaran', en: 'Enrollment code' },
  name: { id: 'Nama perangkat', en: 'Device name' },
  profile: { id: 'Profil', en: 'Profile' },
  chooseProfile: { id: 'Pilih profil…', en: 'Choose a profile…' },
  submit: { id: 'Daftarkan', en: 'Enroll' },
  errorCode: {
    id: 'Kode terdiri dari 10 huruf atau angka, misalnya K7QM2-XHPAB',
    en: 'The code has 10 letters or digits, e.g. K7QM2-XHPAB',
  },
  errorName: { id: 'Nama perangkat wajib diisi', en: 'The device name is required' },
  errorProfile: { id: 'Pilih salah satu profil', en: 'Choose a profile' },
  noProfiles: {
    id: 'Konfigurasi belum memiliki profil anjungan atau unit keliling',
    en: 'The configuration has no kiosk or mobile profile yet',
  },
} as const;

export type SetupTextKey = keyof typeof SETUP_TEXT;
