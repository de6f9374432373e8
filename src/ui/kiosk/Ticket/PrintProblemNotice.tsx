/**
 * Told on the ticket screen when the ticket did not print (an ESC/POS printer off, out of
 * paper or out of range): the number is recorded all the same, the QR code on the screen
 * is the way on, and the print can be tried again. Loaded only by devices that print ESC/POS.
 */
import type { Language } from '../../../domain/config/schema';
import type { PrintProblem } from '../../../printing/print-problem';

const WORDS = {
  id: {
    title: 'Tiket tidak tercetak',
    why: 'Printer mati, kertas habis, atau di luar jangkauan.',
    wayOn:
      'Nomor antrean Anda tetap tercatat. Foto atau tunjukkan kode QR di layar ini kepada petugas, atau coba cetak lagi.',
    retry: 'Coba cetak lagi',
  },
  en: {
    title: 'The ticket did not print',
    why: 'The printer is off, out of paper or out of range.',
    wayOn:
      'Your number is recorded all the same. Photograph or show the QR code on this screen to the staff, or try printing again.',
    retry: 'Try printing again',
  },
} as const;

export function PrintProblemNotice(props: { problem: PrintProblem; lang: Language }) {
  const words = WORDS[props.lang];
  return (
    <div class="notice notice--warn print-problem" role="alert">
      <p>
        <strong>{words.title}</strong> — {words.why}
      </p>
      <p>{words.wayOn}</p>
      <button type="button" class="btn btn--primary" onClick={() => props.problem.retry()}>
        {words.retry}
      </button>
    </div>
  );
}
