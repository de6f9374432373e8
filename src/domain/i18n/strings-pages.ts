/**
 * The Indonesian texts of a ticket's phone page, registered when it is imported: a kiosk
 * never carries them.
 * Their English is in ./strings-en.ts.
 */
import { addStrings } from './strings';

export const PAGES_ID = {
  'status.title': 'Status Tiket',
  'status.waiting': 'Menunggu panggilan',
  'status.unknown':
    'Tiket belum tercatat di server. Jika anjungan sedang luring, coba lagi beberapa saat lagi.',
  'status.offline': 'Tidak dapat menghubungi server. Periksa koneksi Anda.',
  'status.updated': 'Diperbarui pukul {time}',
} as const;

addStrings('id', PAGES_ID);
