/**
 * What the phone page says about where a ticket stands, beyond the kiosk's shared words:
 * only the phone page carries these (the kiosk's first load never does).
 */
import type { Language } from '../../domain/config/schema';
import type { Shown } from './journey-text';

type Said = { headline: string; detail: string | null };

/** The headline and a line of detail for the ticket shown, in `lang`. */
export function statusWords(status: Shown, lang: Language): Said {
  const id = lang === 'id';
  const loket = status.loket ?? '';
  switch (status.status) {
    case 'called':
      return {
        headline: id
          ? `Dipanggil — silakan menuju loket ${loket}`
          : `Called — please go to counter ${loket}`,
        detail: null,
      };
    case 'serving':
      return {
        headline: id ? `Sedang dilayani di loket ${loket}` : `Being served at counter ${loket}`,
        detail: null,
      };
    case 'done':
      return {
        headline: id ? 'Selesai dilayani. Terima kasih.' : 'Served. Thank you.',
        detail: null,
      };
    case 'no-show':
      return {
        headline: id ? 'Tidak hadir saat dipanggil' : 'Not present when called',
        detail: id
          ? 'Silakan temui petugas loket bila Anda masih ingin dilayani.'
          : 'Please see the counter staff if you still wish to be served.',
      };
    case 'held':
      return {
        headline: id ? 'Menunggu langkah sebelumnya selesai' : 'Waiting for the step before',
        detail: id
          ? 'Nomor ini dipanggil setelah langkah sebelumnya selesai.'
          : 'This number is called once the step before is finished.',
      };
    default:
      return {
        headline: id ? 'Menunggu panggilan' : 'Waiting to be called',
        detail:
          status.transfers > 0
            ? id
              ? 'Anda dialihkan ke layanan ini; urutan kedatangan Anda tetap.'
              : 'You were sent on to this service; your place by arrival is kept.'
            : null,
      };
  }
}
