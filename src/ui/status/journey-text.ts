/**
 * A journey on the phone page: which step the page puts first (the one the citizen is at
 * now, whichever of the journey's tickets the phone follows) and the words for each step.
 * Like ./status-text.ts, only the phone page carries these.
 */
import type { Language } from '../../domain/config/schema';
import type { JourneyStepStatus, TicketStatus } from '../../domain/protocol';

/** The ticket the page shows large: this one, or the journey's current step. */
export type Shown = Omit<JourneyStepStatus, 'step'> & {
  /** Its step in the journey, or null for a ticket that is no journey's. */
  step: number | null;
  transfers: number;
};

/** The ticket to show first: the journey's current step when the server has it, else this one. */
export function shownOf(status: TicketStatus): Shown {
  const { journey } = status;
  const current = journey?.steps.find((s) => s.step === journey.current);
  if (current && current.id !== status.id) return { ...current, transfers: 0 };
  return { ...status, step: journey?.step ?? null };
}

/** "Langkah Anda sekarang: 2 dari 2". */
export function stepNowLine(step: number, of: number, lang: Language): string {
  return lang === 'id'
    ? `Langkah Anda sekarang: ${step} dari ${of}`
    : `Your step now: ${step} of ${of}`;
}

/**
 * Why the page shows another number than the ticket followed: its step is finished and the
 * visit goes on, or it waits for the step shown.
 */
export function movedOnLine(status: TicketStatus, shown: Shown, lang: Language): string | null {
  if (shown.id === status.id || !status.journey || shown.step === null) return null;
  const own = status.journey.step;
  const { number } = status;
  if (status.status === 'done') {
    return lang === 'id'
      ? `Langkah ${own} (${number}) sudah selesai. Silakan lanjut ke langkah ${shown.step}.`
      : `Step ${own} (${number}) is finished. Please go on to step ${shown.step}.`;
  }
  return lang === 'id'
    ? `Nomor ${number} (langkah ${own}) dipanggil setelah langkah ${shown.step} selesai.`
    : `Number ${number} (step ${own}) is called once step ${shown.step} is finished.`;
}

/** The heading of the list of steps. */
export function journeyTitle(lang: Language): string {
  return lang === 'id' ? 'Langkah kunjungan Anda' : 'The steps of your visit';
}

/** "Langkah 1". */
export function stepLabel(step: number, lang: Language): string {
  return lang === 'id' ? `Langkah ${step}` : `Step ${step}`;
}

/** Where one step stands, in a few words: "Selesai", "Sedang dipanggil — loket 3", … */
export function stepStateWords(step: JourneyStepStatus, lang: Language): string {
  const id = lang === 'id';
  const loket = step.loket ?? '';
  switch (step.status) {
    case 'done':
      return id ? 'Selesai' : 'Finished';
    case 'called':
      return id ? `Sedang dipanggil — loket ${loket}` : `Being called — counter ${loket}`;
    case 'serving':
      return id ? `Sedang dilayani — loket ${loket}` : `Being served — counter ${loket}`;
    case 'no-show':
      return id ? 'Tidak hadir saat dipanggil' : 'Not present when called';
    case 'held':
      return id ? 'Menunggu langkah sebelumnya' : 'Waits for the step before';
    default:
      return id ? 'Menunggu panggilan' : 'Waiting to be called';
  }
}

/** Marks the step the citizen is at now, beside its state. */
export function nowMark(lang: Language): string {
  return lang === 'id' ? 'Sekarang' : 'Now';
}
