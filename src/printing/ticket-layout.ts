/**
 * What goes on a printed ticket and on a printed list of missing requirements, as a
 * device-neutral document: the browser print adapter renders it as HTML (58/80 mm), an
 * ESC/POS encoder will turn the same lines into printer commands.
 * Must: pure — every instant, URL and answer is passed in; no personal data.
 */
import type { ConfigBundle, Language, LocalText } from '../domain/config/schema';
import { formatClock, formatDate, formatWait } from '../domain/format';
import { localized } from '../domain/i18n/local-text';
import { t } from '../domain/i18n/strings';
import { applicableRequirements, type RequirementAnswers } from '../domain/requirements';
import { findService } from '../machines/kiosk.selectors';
import type { IssuedTicket, PersonalChoice } from '../machines/kiosk.types';
import type { JourneyWords, journeyWords } from './journey-lines';

/** One printed line. */
export type PrintLine = {
  text: string;
  size?: 'normal' | 'large' | 'huge';
  align?: 'left' | 'center';
  bold?: boolean;
};

/** A printable document; the QR code (its text) is printed after the lines. */
export type PrintDocument = { lines: PrintLine[]; qr?: string };

export type TicketLayoutInput = {
  config: ConfigBundle;
  ticket: IssuedTicket;
  lang: Language;
  /** The citizen's answers: they decide which requirements apply. */
  answers: RequirementAnswers;
  /** The status page of the ticket to wait for now (a journey's first step), in the QR code. */
  url: string;
  /** Personal data the citizen gave, masked (src/domain/personal-data.ts). */
  personal?: PersonalChoice | null;
};

/** The facts a ticket shows, already worded: shared by the screen and the paper. */
export type TicketFacts = {
  siteName: string;
  /** "Dukcapil – Zona A" */
  where: string;
  serviceName: string;
  number: string;
  date: string;
  /** "pukul 08.05 WIB" */
  time: string;
  /** Null when the queue state was not at hand when the ticket was issued. */
  peopleAhead: string | null;
  wait: string | null;
  /** "Siapkan persyaratan: …", or null when nothing mandatory applies. */
  prepare: string | null;
  emergency: string | null;
  /** "Layanan prioritas: Lansia …" / "Untuk konsultasi …" — what the counter must know. */
  marks: string[];
  /** A journey's words (which step is now, every step in order), null otherwise. */
  journey: JourneyWords | null;
  url: string;
};

/**
 * Words a journey's steps: ./journey-lines.ts, provided by the journey's code, which a kiosk
 * loads before it issues a journey's tickets — off the path to an ordinary ticket.
 */
let wordJourney: typeof journeyWords | null = null;

/** Lets tickets list a journey's steps (called once the journey's code has loaded). */
export function provideJourneyWords(words: typeof journeyWords): void {
  wordJourney = words;
}

/** "Zona A" from "A"; a zone already written as "Zona …" (in either language) is kept. */
function zoneText(zone: string | LocalText, lang: Language): string {
  const text = typeof zone === 'string' ? zone : localized(zone, lang);
  return /^(zona|zone)\b/i.test(text) ? text : t(lang, 'ticket.zone', { zone: text });
}

/**
 * Words every fact of a ticket in `lang`. A journey's ticket puts its first step first —
 * the number to wait for now, where and for what — then lists every step in order.
 */
export function ticketFacts(input: TicketLayoutInput): TicketFacts {
  const { config, ticket, lang } = input;
  const steps = ticket.journey ?? [];
  const now = steps[0] ?? ticket;
  const chosen = findService(config, ticket.serviceId);
  const found = findService(config, now.serviceId);
  // Where the citizen goes: the desk that serves the service, its own agency's or another's.
  const desk = found?.service.servedAt ?? now.agencyId;
  const agency = config.agencies.find((a) => a.id === desk) ?? found?.agency;
  const agencyName = agency ? localized(agency.shortName, lang) : now.agencyId;
  const zone = agency?.zone;
  // The citizen's answers are the chosen service's: its requirements are the ones checked.
  const required = chosen
    ? applicableRequirements(chosen.service, input.answers).filter((r) => r.mandatory)
    : [];
  const list = required.map((r) => localized(r.label, lang)).join(', ');
  const tz = config.site.timeZone;
  const journey = steps.length > 1 && wordJourney ? wordJourney(config, steps, lang) : null;
  return {
    siteName: localized(config.site.name, lang),
    where: zone ? `${agencyName} – ${zoneText(zone, lang)}` : agencyName,
    serviceName: found ? localized(found.service.name, lang) : now.serviceId,
    number: now.number,
    date: formatDate(ticket.issuedAt, tz, lang),
    time: t(lang, 'ticket.time', { time: formatClock(ticket.issuedAt, tz) }),
    peopleAhead:
      ticket.peopleAhead === null
        ? null
        : t(lang, 'ticket.peopleAhead', { count: ticket.peopleAhead }),
    wait:
      ticket.waitMinutes === null
        ? null
        : t(lang, 'ticket.wait', { wait: formatWait(ticket.waitMinutes, lang) }),
    prepare: list === '' ? null : (journey?.prepare(list) ?? t(lang, 'ticket.prepare', { list })),
    emergency: ticket.emergency ? t(lang, 'ticket.emergency') : null,
    marks: [
      ...ticketMarks(ticket, lang),
      ...(input.personal?.shown ?? []).map((p) => `${localized(p.label, lang)}: ${p.masked}`),
    ],
    journey,
    url: input.url,
  };
}

/** The priority category and the consultation purpose, as the ticket states them. */
function ticketMarks(ticket: IssuedTicket, lang: Language): string[] {
  const marks: string[] = [];
  if (ticket.priority) {
    const category = t(lang, `priority.${ticket.priority}`);
    marks.push(t(lang, 'ticket.priority', { category }));
  }
  if (ticket.purpose === 'consultation') marks.push(t(lang, 'ticket.consultation'));
  return marks;
}

/** A centred line. */
export const center = (text: string, extra: Omit<PrintLine, 'text'> = {}): PrintLine => ({
  text,
  align: 'center',
  ...extra,
});

/** The printed ticket: MPP, agency – zona, service, big number, date and time, queue, QR. */
export function ticketLayout(input: TicketLayoutInput): PrintDocument {
  const f = ticketFacts(input);
  const { lang } = input;
  const lines: PrintLine[] = [
    center(f.siteName, { bold: true }),
    center(f.where, { size: 'large', bold: true }),
    center(f.serviceName),
    center(f.journey?.now ?? t(lang, 'print.number'), { bold: f.journey !== null }),
    center(f.number, { size: 'huge', bold: true }),
    ...f.marks.map((mark) => center(mark, { bold: true })),
    center(`${f.date}, ${f.time}`),
  ];
  if (f.peopleAhead) lines.push(center(f.peopleAhead));
  if (f.wait) lines.push(center(f.wait));
  if (f.journey) {
    lines.push({ text: f.journey.title, bold: true });
    for (const step of f.journey.lines) lines.push({ text: step.text, align: 'left' });
    lines.push({ text: f.journey.note, align: 'left' });
  }
  if (f.prepare) lines.push({ text: f.prepare, align: 'left' });
  if (f.emergency) lines.push(center(f.emergency));
  lines.push(
    center(t(lang, 'ticket.keep'), { bold: true }),
    center(t(lang, 'ticket.qr')),
    center(f.url),
  );
  return { lines, qr: f.url };
}
