/**
 * Taking a refused (revoked) device back to enrollment from its own screen: the set-up
 * route over the screen, with the device's name and profile filled in. Its guard is the
 * set-up screen's own: nothing changes without a new one-time code from an admin, and
 * "Batal" leaves everything as it was. Loaded only when staff open it.
 * Must: the device keeps its id and its log, so the events it made while refused are
 * pushed with the new token (the set-up route's first sync); the page then restarts on
 * the new identity.
 */
import { render } from 'preact';
import { SetupRoute } from './SetupRoute';
import type { KioskSyncDeps } from './sync';

let open = false;

const WORDS = {
  title: { id: 'Daftarkan Ulang Perangkat', en: 'Enroll the device again' },
  intro: {
    id: 'Server menolak perangkat ini. Masukkan kode pendaftaran baru dari admin: perangkat tetap memakai identitasnya, dan tiket yang belum terkirim akan dikirim.',
    en: 'The server refused this device. Enter a new enrollment code from an admin: the device keeps its identity, and tickets not sent yet will be sent.',
  },
  submit: { id: 'Daftarkan ulang', en: 'Enroll again' },
  cancel: { id: 'Batal', en: 'Cancel' },
};

/** Opens the form over the screen (once; a second call while it is open does nothing). */
export function openReenroll(deps: KioskSyncDeps): void {
  if (open) return;
  open = true;
  const root = document.body.appendChild(document.createElement('div'));
  root.className = 'reenroll-overlay';
  // The screen below (the app, the sync badge) is out of reach, and of assistive
  // technology, while the form is up.
  const below = [...document.body.children].filter(
    (el) => el !== root && !el.hasAttribute('inert'),
  );
  for (const el of below) {
    el.setAttribute('inert', '');
    el.setAttribute('aria-hidden', 'true');
  }
  // Focus goes back where it was (the badge's button) when the form is left.
  const opener = document.activeElement as HTMLElement | null;
  const close = () => {
    render(null, root);
    root.remove();
    for (const el of below) {
      el.removeAttribute('inert');
      el.removeAttribute('aria-hidden');
    }
    opener?.focus();
    open = false;
  };
  // The same kind of device as now: a kiosk is taken back as a kiosk (or a mobile unit).
  const surface = deps.profile().surface;
  const surfaces = surface === 'kiosk' || surface === 'mobile' ? ['kiosk', 'mobile'] : [surface];
  render(
    <SetupRoute
      db={deps.db}
      config={deps.config()}
      previous={deps.identity}
      surfaces={surfaces as (typeof surface)[]}
      onEnrolled={() => window.location.reload()}
      again={{ onCancel: close, words: WORDS }}
    />,
    root,
  );
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  root.querySelector<HTMLInputElement>('#setup-code')?.focus();
}
