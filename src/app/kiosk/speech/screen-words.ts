/**
 * What the voice guidance says when a screen appears: its kicker and heading, what the
 * screen asks, and what must be heard with it (notices, a summary); on the ticket screen,
 * the ticket — its number as the board will call it, where to go, the people ahead.
 */
import { announceNumber } from '../../../domain/announce';
import type { Language } from '../../../domain/config/schema';
import { type StringKey, t } from '../../../domain/i18n/strings';
import { ticketFacts } from '../../../printing/ticket-layout';
import type { KioskSnapshot } from '../../../ui/kiosk/runtime';
import { type ScreenName, screenOf } from '../../../ui/kiosk/screen-of';
import { nameOf, screenNotes } from './dom-reader';
import type { Spoken } from './speaker';

/** Screens that ask something beyond their heading (the rest say their heading and notes). */
const ASKS: Partial<Record<ScreenName, StringKey>> = {
  agencies: 'speech.ask.agencies',
  services: 'speech.ask.services',
  detail: 'speech.ask.detail',
  question: 'speech.ask.question',
  checklist: 'speech.ask.checklist',
  priority: 'speech.ask.priority',
  confirm: 'speech.ask.confirm',
};

/** The words of the screen whose heading is `heading`. */
export function screenWords(
  snapshot: KioskSnapshot,
  heading: HTMLElement,
  lang: Language,
): Spoken[] {
  const screen = screenOf(snapshot);
  if (screen === 'ticket') return ticketWords(snapshot, lang);
  const main = heading.closest('main') ?? heading;
  const kicker = main.querySelector('.screen-kicker');
  const ask = ASKS[screen];
  const count = main.querySelectorAll('.screen-body button:not([disabled])').length;
  const label = (key: StringKey) => t(lang, key);
  const texts = [
    kicker ? nameOf(kicker) : '',
    nameOf(heading),
    ...screenNotes(main),
    ask
      ? t(lang, ask, {
          count,
          start: label('detail.start'),
          yes: label('question.yes'),
          no: label('question.no'),
          present: label('checklist.present'),
          absent: label('checklist.absent'),
          submit: label('confirm.submit'),
        })
      : '',
    screen === 'checklist'
      ? nameOf(main.querySelector('.progress') ?? main.ownerDocument.body)
      : '',
  ];
  return texts.filter((text) => text !== '').map((text) => ({ text, lang }));
}

/**
 * The ticket: "Nomor Antrean Anda", its number, the service, where to go, the people
 * ahead and the wait; last, the number as the board will call it ("Nomor antrean, a, dua
 * belas."), in Indonesian whatever the ticket's language: that is the call to listen for.
 */
function ticketWords(snapshot: KioskSnapshot, lang: Language): Spoken[] {
  const { ticket, config, answers } = snapshot.context;
  if (!ticket) return [];
  const facts = ticketFacts({ config, ticket, lang, answers, url: '', personal: null });
  const call = announceNumber(facts.number);
  // "A-012" in English is "A 12"; in Indonesian the board's own words ("a, dua belas").
  const number =
    lang === 'id'
      ? call.groups
          .slice(1)
          .map((group) => group.join(' '))
          .join(', ')
      : facts.number.replace(/^([A-Z]+)-([A-Z]*)0*(\d+)$/, (_, prefix, tag, digits) =>
          [...`${prefix}${tag}`, digits].join(' '),
        );
  const about = t(lang, 'speech.about');
  const texts = [
    t(lang, 'ticket.title'),
    facts.journey?.now ?? '',
    t(lang, 'speech.ticketNumber', { number }),
    ...facts.marks,
    facts.serviceName,
    facts.where.replace(' – ', ', '),
    facts.peopleAhead ?? '',
    (facts.wait ?? '').replace('±', about),
    facts.prepare ?? '',
    t(lang, 'ticket.waitCall'),
    t(lang, 'speech.ticketBoard'),
  ];
  return [
    ...texts.filter((text) => text !== '').map((text) => ({ text, lang })),
    { text: call.text, lang: 'id' },
  ];
}
