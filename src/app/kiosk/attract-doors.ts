/**
 * A lobby kiosk's two doors beside the start button, each a dialog over the attract
 * screen: checking in a booking made elsewhere (./check-in.ts), and the SKM survey of a
 * ticket already served (src/ui/kiosk/Skm/KioskSurvey.tsx). A USB scanner needs no touch:
 * what it types on the attract screen (fast, ended by Enter) opens the survey when it is a
 * ticket's link and the check-in otherwise. A ticket a check-in issues goes to the kiosk's
 * ticket screen, printed like any other. Also sends the survey answers the kiosk keeps.
 * All in the idle duties' chunk: a lazy import from there would need the entry's styles.
 */
import { type ComponentChild, h, render } from 'preact';
import { readTicketLink } from '../../domain/ticket-link-read';
import type { Replica } from '../../replica/replica';
import { CheckInDoor } from '../../ui/kiosk/CheckIn/CheckInDoor';
import { CheckInScreen } from '../../ui/kiosk/CheckIn/CheckInScreen';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { KioskSurvey, type SurveyTicket } from '../../ui/kiosk/Skm/KioskSurvey';
import { resendKeptAnswers } from '../../ui/status/skm-send';
import { type CheckInDeps, checkIn } from './check-in';

/** Keys further apart than this are a person typing, not a scanner. */
const SCAN_GAP_MS = 80;
/** The least a scan holds before its Enter (a booking code has 4 characters or more). */
const SCAN_MIN = 4;
/** How often the survey answers the kiosk keeps are tried again. */
const RESEND_MS = 60_000;

export type AttractDoorsDeps = CheckInDeps & { replica: Replica };

export function attractDoors(actor: KioskActor, deps: AttractDoorsDeps) {
  const door = document.createElement('div');
  door.className = 'attract-doors';
  const dialog = document.createElement('div');
  let open = false;
  const app = () => document.getElementById('app');

  // The page behind comes back before the dialog goes, so the dialog can give the focus
  // back to its opener; made inert only once the dialog has seen where the focus was.
  const close = () => {
    open = false;
    app()?.removeAttribute('inert');
    render(null, dialog);
    dialog.remove();
    queueMicrotask(showDoors);
    void resendKeptAnswers();
  };
  /** Shows one dialog over the attract screen, the page behind it inert. */
  const show = (content: ComponentChild) => {
    open = true;
    document.body.append(dialog);
    render(content, dialog);
    app()?.setAttribute('inert', '');
  };
  const context = () => actor.getSnapshot().context;

  const openCheckIn = (scanned?: string) => {
    const { lang, config, largeText } = context();
    show(
      h(CheckInScreen, {
        lang,
        languages: config.site.languages,
        timeZone: config.site.timeZone,
        largeText,
        ...(scanned ? { scanned } : {}),
        checkIn: async (text, chosen) => {
          const outcome = await checkIn(deps, context().config, text, chosen);
          if (outcome.kind === 'ticket') {
            close();
            actor.send({ type: 'booking.ticket', ticket: outcome.ticket });
          }
          return outcome;
        },
        onClose: close,
      }),
    );
  };
  const openSurvey = (scanned?: string) => {
    const { lang, config, largeText } = context();
    show(
      h(KioskSurvey, {
        lang,
        languages: config.site.languages,
        largeText,
        ...(scanned ? { scanned } : {}),
        find: (text) => surveyTicket(deps.replica, text),
        onClose: close,
      }),
    );
  };

  function showDoors() {
    const snapshot = actor.getSnapshot();
    if (!snapshot.matches('attract') || open) return;
    if (!door.isConnected) document.querySelector('.attract-start')?.after(door);
    const { lang } = snapshot.context;
    render(
      h(CheckInDoor, { lang, onCheckIn: () => openCheckIn(), onSurvey: () => openSurvey() }),
      door,
    );
  }

  let typed = '';
  let last = 0;
  const onKey = (event: KeyboardEvent) => {
    if (open || !actor.getSnapshot().matches('attract')) return;
    if (event.timeStamp - last > SCAN_GAP_MS) typed = '';
    last = event.timeStamp;
    if (event.key === 'Enter') {
      if (typed.length >= SCAN_MIN) {
        event.preventDefault();
        event.stopPropagation();
        if (readTicketLink(typed)) openSurvey(typed);
        else openCheckIn(typed);
      }
      typed = '';
    } else if (event.key.length === 1) {
      typed = (typed + event.key).slice(-400);
    }
  };

  const resend = () => void resendKeptAnswers();
  document.addEventListener('keydown', onKey, true);
  window.addEventListener('online', resend);
  const resendTimer = setInterval(resend, RESEND_MS);
  const subscription = actor.subscribe(() => queueMicrotask(showDoors));
  showDoors();
  resend();
  return {
    /** In the kiosk's idle moments: the survey answers it keeps, sent when it can. */
    idle: resend,
    stop() {
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('online', resend);
      clearInterval(resendTimer);
      subscription.unsubscribe();
      if (open) close();
      render(null, door);
      door.remove();
    },
  };
}

/**
 * The ticket of a scanned link, as this kiosk knows it: the latest of the link's tickets
 * (a journey's steps) that is served, or why none is.
 */
function surveyTicket(replica: Replica, text: string): SurveyTicket {
  const link = readTicketLink(text);
  if (!link) return { kind: 'unreadable' };
  const book = replica.state;
  const known = link.tickets.map((t) => book?.ticket(t.id)).filter((t) => t !== undefined);
  const served = known.filter((t) => t.status === 'done').at(-1);
  if (served) return { kind: 'served', ticketId: served.id };
  return { kind: known.length > 0 ? 'not-served' : 'unknown' };
}
