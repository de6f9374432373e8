/**
 * What a running kiosk does in its idle moments on the attract screen, loaded at the
 * first one (never on a citizen's way to a ticket): preload the rarer screens, install
 * the service worker and apply its updates, fetch config updates, show the coming MPP
 * bergerak visits, offer the voice guidance, and print over ESC/POS where the profile says so.
 */

import { businessDayOf } from '../../domain/time';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { preloadKioskScreens } from '../../ui/kiosk/KioskApp';
import type { KioskLinks } from '../../ui/kiosk/links';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { refreshConfig } from '../config-sync';
import { registerServiceWorker, setUpdateGate, tryApplyUpdate } from '../sw-update';
import { type AttractDoorsDeps, attractDoors } from './attract-doors';
import { showAttractVisits } from './attract-visits';
import { refreshBookings } from './bookings-sync';
import { escposPrinting } from './escpos-print';
import { sendPersonal } from './personal-sync';
import { type LoadGuide, voiceDoor } from './voice-door';

export type IdleDutiesDeps = {
  /** The kiosk: idle while on the attract screen (an update may apply only then). */
  actor: KioskActor;
  /** Its QR links (printed by an ESC/POS printer). */
  links: KioskLinks;
  /** What a lobby kiosk's check-in of bookings and its SKM survey need (./attract-doors.ts). */
  checkIn: AttractDoorsDeps & { identity: DeviceIdentity };
  /** The voice guidance's code, loaded when a citizen chooses it (./voice-door.ts). */
  loadGuide: LoadGuide;
};

/** Starts the duties; `idle()` on each later idle moment, `stop()` on teardown. */
export function startIdleDuties(deps: IdleDutiesDeps) {
  void preloadKioskScreens();
  setUpdateGate(() => deps.actor.getSnapshot().matches('attract'));
  registerServiceWorker();
  const visits = showAttractVisits(deps.actor);
  const { profile } = deps.actor.getSnapshot().context;
  // Static: a lazy import from here would need the entry's styles (vite.config.ts).
  const escpos = profile.printer.kind === 'escpos' ? escposPrinting({ profile, ...deps }) : null;
  // Bookings are checked in at the lobby's kiosks; a mobile unit's visit has none.
  const lobby = profile.surface === 'kiosk';
  const doors = lobby ? attractDoors(deps.actor, deps.checkIn) : null;
  // "Bantuan suara", where the kiosk has a local voice (README).
  const voice = voiceDoor(deps.actor, deps.loadGuide);
  return {
    idle() {
      tryApplyUpdate();
      doors?.idle();
    },
    refreshConfig(db: AnjunganDatabase, now: number) {
      if (lobby) void refreshBookings(db, deps.checkIn.identity, now);
      const { config } = deps.actor.getSnapshot().context;
      void sendPersonal(db, deps.checkIn.identity, businessDayOf(now, config.site.timeZone), now);
      return refreshConfig(db, now);
    },
    stop() {
      setUpdateGate(null);
      visits.stop();
      doors?.stop();
      voice.stop();
      escpos?.stop();
    },
  };
}

export type IdleDuties = ReturnType<typeof startIdleDuties>;
