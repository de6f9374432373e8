/**
 * The texts of "Bantuan suara", the kiosk's voice guidance: its door on the attract screen,
 * its controls and what it says beside the screen's own words. They come with the voice's
 * chunks, never on the way to a ticket.
 */
import { addStrings } from './strings';

export const SPEECH_ID = {
  'speech.door': 'Bantuan suara',
  'speech.controls': 'Kontrol bantuan suara',
  'speech.previous': 'Sebelumnya',
  'speech.next': 'Berikutnya',
  'speech.choose': 'Pilih',
  'speech.repeat': 'Ulangi',
  'speech.back': 'Kembali',
  'speech.slower': 'Lebih lambat',
  'speech.stop': 'Berhenti',
  'speech.started': 'Bantuan suara aktif.',
  'speech.keys':
    'Tombol 2: berikutnya. 8: sebelumnya. 5: pilih. 0: ulangi. 4: kembali. Minus: lebih lambat. Titik: berhenti. Bintang: bantuan tombol.',
  'speech.ended': 'Bantuan suara selesai.',
  'speech.rateSlower': 'Lebih lambat.',
  'speech.rateNormal': 'Kecepatan biasa.',
  'speech.noBack': 'Tidak ada langkah sebelumnya di layar ini.',
  'speech.noLanguage': 'Bantuan suara tidak tersedia dalam bahasa ini.',
  'speech.button': 'tombol',
  'speech.link': 'tautan',
  'speech.field': 'kolom isian',
  'speech.pressed': 'dipilih',
  'speech.disabled': 'tidak tersedia',
  'speech.empty': 'kosong',
  'speech.about': 'sekitar',
  'speech.ask.agencies':
    'Ada {count} pilihan. Tekan 2 untuk mendengar berikutnya, 5 untuk memilih.',
  'speech.ask.services':
    'Ada {count} layanan. Tekan 2 untuk mendengar berikutnya, 5 untuk memilih.',
  'speech.ask.detail':
    'Tekan 2 untuk mendengar persyaratan dan standar pelayanannya, lalu pilih {start}.',
  'speech.ask.question': 'Jawab {yes} atau {no}.',
  'speech.ask.checklist': 'Untuk setiap dokumen, pilih {present} atau {absent}.',
  'speech.ask.priority': 'Ada {count} pilihan.',
  'speech.ask.confirm': 'Pilih {submit} bila sudah benar.',
  'speech.ticketNumber': 'Nomor Anda: {number}.',
  'speech.ticketBoard': 'Di layar panggilan, nomor ini dipanggil:',
} as const;

/** Their English. */
export const SPEECH_EN = {
  'speech.door': 'Voice guidance',
  'speech.controls': 'Voice guidance controls',
  'speech.previous': 'Previous',
  'speech.next': 'Next',
  'speech.choose': 'Choose',
  'speech.repeat': 'Repeat',
  'speech.back': 'Back',
  'speech.slower': 'Slower',
  'speech.stop': 'Stop',
  'speech.started': 'Voice guidance is on.',
  'speech.keys':
    'Key 2: next. 8: previous. 5: choose. 0: repeat. 4: back. Minus: slower. Dot: stop. Star: key help.',
  'speech.ended': 'Voice guidance has ended.',
  'speech.rateSlower': 'Slower.',
  'speech.rateNormal': 'Normal speed.',
  'speech.noBack': 'There is no step back on this screen.',
  'speech.noLanguage': 'Voice guidance is not available in this language.',
  'speech.button': 'button',
  'speech.link': 'link',
  'speech.field': 'text field',
  'speech.pressed': 'selected',
  'speech.disabled': 'unavailable',
  'speech.empty': 'empty',
  'speech.about': 'about',
  'speech.ask.agencies': 'There are {count} choices. Press 2 to hear the next, 5 to choose.',
  'speech.ask.services': 'There are {count} services. Press 2 to hear the next, 5 to choose.',
  'speech.ask.detail':
    'Press 2 to hear the requirements and the service standard, then choose {start}.',
  'speech.ask.question': 'Answer {yes} or {no}.',
  'speech.ask.checklist': 'For each document, choose {present} or {absent}.',
  'speech.ask.priority': 'There are {count} choices.',
  'speech.ask.confirm': 'Choose {submit} when this is right.',
  'speech.ticketNumber': 'Your number is {number}.',
  'speech.ticketBoard': 'On the calling screen, it is called:',
} as const satisfies Record<keyof typeof SPEECH_ID, string>;

addStrings('id', SPEECH_ID);
addStrings('en', SPEECH_EN);
