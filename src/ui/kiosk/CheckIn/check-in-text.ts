/**
 * The check-in's words, Indonesian first (KBBI: pemesanan, silakan, nomor, antrean) and
 * English: in the check-in's own chunk, never on a walk-in's way to a ticket.
 */
import type { Language } from '../../../domain/config/schema';

const ID = {
  door: 'Sudah pesan antrean daring? Lapor hadir',
  surveyDoor: 'Sudah dilayani? Isi survei kepuasan',
  title: 'Lapor hadir pemesanan',
  lead: 'Pindai kode QR dari bukti pemesanan Anda, atau ketik kodenya.',
  label: 'Kode pemesanan',
  submit: 'Lapor hadir',
  back: 'Kembali',
  erase: 'Hapus satu',
  keypad: 'Papan ketik kode',
  language: 'English',
  checking: 'Memeriksa kode…',
  already: 'Anda sudah lapor hadir. Nomor antrean Anda: {number}.',
  otherDay: 'Pemesanan ini untuk {date}, bukan hari ini. Silakan datang pada tanggal itu.',
  otherSite: 'Pemesanan ini untuk MPP lain ({site}). Periksa tempat pemesanan Anda.',
  unknown:
    'Kode {code} tidak ditemukan untuk hari ini. Periksa kodenya, atau ambil antrean biasa di layar awal.',
  unreadable: 'Kode tidak terbaca. Kode berisi huruf, angka, dan tanda hubung.',
  noService: 'Layanan pemesanan ini tidak tersedia di sini. Silakan tanyakan kepada petugas.',
  failed: 'Tiket belum dapat dibuat. Silakan hubungi petugas.',
};

const EN: typeof ID = {
  door: 'Booked online? Check in',
  surveyDoor: 'Served already? Answer the survey',
  title: 'Check in your booking',
  lead: 'Scan the QR code of your booking, or type its code.',
  label: 'Booking code',
  submit: 'Check in',
  back: 'Back',
  erase: 'Delete one',
  keypad: 'Code keypad',
  language: 'Bahasa Indonesia',
  checking: 'Checking the code…',
  already: 'You have checked in already. Your queue number: {number}.',
  otherDay: 'This booking is for {date}, not today. Please come on that day.',
  otherSite: 'This booking is for another MPP ({site}). Check where you booked.',
  unknown:
    'Code {code} is not found for today. Check the code, or take a regular number on the first screen.',
  unreadable: 'The code cannot be read. A code has letters, digits and dashes.',
  noService: 'The service of this booking is not offered here. Please ask the staff.',
  failed: 'The ticket could not be made. Please call the staff.',
};

export type CheckInWord = keyof typeof ID;

/** A word in `lang`, with its {placeholders} filled. */
export function checkInWord(
  lang: Language,
  key: CheckInWord,
  values: Record<string, string> = {},
): string {
  return (lang === 'en' ? EN : ID)[key].replace(
    /\{(\w+)\}/g,
    (_, name: string) => values[name] ?? '',
  );
}
