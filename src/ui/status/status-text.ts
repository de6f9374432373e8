/**
 * What the phone page says about where a ticket stands, beyond the kiosk's shared words:
 * only the phone page carries these (the kiosk's first load never does).
 */
import type { Language } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import type { TicketStatus } from '../../domain/protocol';
import { calendarDay } from '../../domain/visits';
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

/**
 * The headline and detail of a ticket finished as received or incomplete (an MPP bergerak
 * team's outcomes); null for one simply served. `site` is the MPP's name.
 */
export function finishWords(
  finish: TicketStatus['finish'],
  site: string,
  lang: Language,
): Said | null {
  const id = lang === 'id';
  if (finish?.outcome === 'received') {
    const ready = finish.ready;
    const where =
      ready?.place === 'kelurahan'
        ? id
          ? 'di kantor kelurahan tempat Anda mendaftar'
          : 'at the kelurahan office where you applied'
        : id
          ? `di ${site}`
          : `at ${site}`;
    const when = ready ? `${id ? 'mulai' : 'from'} ${calendarDay(ready.date, lang)}` : '';
    return {
      headline: id ? 'Berkas diterima untuk diproses di kantor' : 'File received for processing',
      detail: id
        ? `Hasilnya dapat diambil ${where}${when ? ` ${when}` : ''}.`
        : `You can collect the result ${where}${when ? ` ${when}` : ''}.`,
    };
  }
  if (finish?.outcome === 'incomplete') {
    const names = finish.missing.map((name) => localized(name, lang)).join(', ');
    return {
      headline: id ? 'Persyaratan belum lengkap' : 'Requirements incomplete',
      detail: names
        ? id
          ? `Silakan kembali dengan: ${names}.`
          : `Please come back with: ${names}.`
        : id
          ? 'Silakan kembali dengan persyaratan yang lengkap.'
          : 'Please come back with every requirement.',
    };
  }
  return null;
}
