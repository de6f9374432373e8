/**
 * A lobby kiosk's check-in of bookings, from its attract screen: the door (a button under
 * the start button), a scan typed by a USB scanner while the attract screen is up, and the
 * check-in dialog, all in the idle duties' chunk (a lazy import from there would need the
 * entry's styles). A ticket it issues goes to the
 * kiosk's ticket screen, printed like any other.
 */
import { h, render } from 'preact';
import { CheckInDoor } from '../../ui/kiosk/CheckIn/CheckInDoor';
import { CheckInScreen } from '../../ui/kiosk/CheckIn/CheckInScreen';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { type CheckInDeps, checkIn } from './check-in';

/** Keys further apart than this are a person typing, not a scanner. */
const SCAN_GAP_MS = 80;
/** The least a scan holds before its Enter (a booking code has 4 characters or more). */
const SCAN_MIN = 4;

export function attractCheckIn(actor: KioskActor, deps: CheckInDeps) {
  const door = document.createElement('div');
  door.className = 'attract-checkin-door';
  const dialog = document.createElement('div');
  let open = false;
  const app = () => document.getElementById('app');

  const close = () => {
    open = false;
    render(null, dialog);
    dialog.remove();
    app()?.removeAttribute('inert');
    queueMicrotask(showDoor);
  };
  const openCheckIn = (scanned?: string) => {
    if (open) return;
    open = true;
    const { context } = actor.getSnapshot();
    const { config } = context;
    document.body.append(dialog);
    app()?.setAttribute('inert', '');
    render(
      h(CheckInScreen, {
        lang: context.lang,
        languages: config.site.languages,
        timeZone: config.site.timeZone,
        largeText: context.largeText,
        ...(scanned ? { scanned } : {}),
        checkIn: async (text, lang) => {
          const outcome = await checkIn(deps, actor.getSnapshot().context.config, text, lang);
          if (outcome.kind === 'ticket') {
            close();
            actor.send({ type: 'booking.ticket', ticket: outcome.ticket });
          }
          return outcome;
        },
        onClose: close,
      }),
      dialog,
    );
  };

  function showDoor() {
    const snapshot = actor.getSnapshot();
    if (!snapshot.matches('attract') || open) return;
    if (!door.isConnected) document.querySelector('.attract-start')?.after(door);
    render(h(CheckInDoor, { lang: snapshot.context.lang, onOpen: () => openCheckIn() }), door);
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
        openCheckIn(typed);
      }
      typed = '';
    } else if (event.key.length === 1) {
      typed = (typed + event.key).slice(-120);
    }
  };

  document.addEventListener('keydown', onKey, true);
  const subscription = actor.subscribe(() => queueMicrotask(showDoor));
  showDoor();
  return {
    stop() {
      document.removeEventListener('keydown', onKey, true);
      subscription.unsubscribe();
      if (open) close();
      render(null, door);
      door.remove();
    },
  };
}
