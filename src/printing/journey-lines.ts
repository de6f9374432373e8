/**
 * A journey's words on a ticket (screen and paper): which step is now, every step with its
 * number, agency and service and when it is called. Like the phone page's and the
 * counter's own words, only a journey's ticket carries these: they load with the journey's
 * code (src/app/kiosk/journey.ts), which hands them to ./ticket-layout.ts, so the code to
 * an ordinary ticket stays within its budget.
 */
import type { ConfigBundle, Language } from '../domain/config/schema';
import { localized } from '../domain/i18n/local-text';
import { findService } from '../machines/kiosk.selectors';
import type { JourneyTicket } from '../machines/kiosk.types';

/** One step of a journey as the ticket lists it. */
export type JourneyLine = {
  /** "Langkah 1: A-012 — Disdukcapil, Perubahan KK (sekarang)" (the printed line). */
  text: string;
  /** "Langkah 1" */
  label: string;
  number: string;
  /** "Disdukcapil — Perubahan KK" */
  place: string;
  /** "Sekarang" / "Setelah langkah 1 selesai" */
  when: string;
  now: boolean;
};

/** Everything a ticket says about its journey. */
export type JourneyWords = {
  /** "Langkah 1 dari 2 — nomor Anda sekarang" */
  now: string;
  title: string;
  note: string;
  lines: JourneyLine[];
  /** "Untuk langkah 2, siapkan: …" — the chosen service's requirements. */
  prepare(list: string): string;
};

const WORDS = {
  id: {
    now: (of: number) => `Langkah 1 dari ${of} — nomor Anda sekarang`,
    title: 'Langkah kunjungan Anda',
    note: 'Nomor langkah berikutnya dipanggil setelah langkah sebelumnya selesai.',
    label: (step: number) => `Langkah ${step}`,
    stepNow: 'Sekarang',
    after: (step: number) => `Setelah langkah ${step} selesai`,
    prepare: (step: number, list: string) => `Untuk langkah ${step}, siapkan: ${list}`,
  },
  en: {
    now: (of: number) => `Step 1 of ${of} — your number now`,
    title: 'The steps of your visit',
    note: "The next step's number is called once the step before is finished.",
    label: (step: number) => `Step ${step}`,
    stepNow: 'Now',
    after: (step: number) => `After step ${step} is finished`,
    prepare: (step: number, list: string) => `For step ${step}, have these ready: ${list}`,
  },
} as const;

/** A journey's words in `lang`; the first step is the one to wait for now. */
export function journeyWords(
  config: ConfigBundle,
  steps: readonly JourneyTicket[],
  lang: Language,
): JourneyWords {
  const w = WORDS[lang];
  const lines = steps.map((ticket, i): JourneyLine => {
    const step = i + 1;
    const at = findService(config, ticket.serviceId);
    const agency = at ? localized(at.agency.shortName, lang) : ticket.agencyId;
    const service = at ? localized(at.service.name, lang) : ticket.serviceId;
    const when = step === 1 ? w.stepNow : w.after(i);
    return {
      text: `${w.label(step)}: ${ticket.number} — ${agency}, ${service} (${when.toLowerCase()})`,
      label: w.label(step),
      number: ticket.number,
      place: `${agency} — ${service}`,
      when,
      now: step === 1,
    };
  });
  return {
    now: w.now(steps.length),
    title: w.title,
    note: w.note,
    lines,
    prepare: (list) => w.prepare(steps.length, list),
  };
}
