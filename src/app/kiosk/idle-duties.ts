/**
 * What a running kiosk does in its idle moments on the attract screen, loaded at the
 * first one (never on a citizen's way to a ticket): preload the rarer screens, install
 * the service worker and apply its updates, fetch config updates, show the coming MPP
 * bergerak visits, and print over ESC/POS where the profile says so.
 */
import { preloadKioskScreens } from '../../ui/kiosk/KioskApp';
import type { KioskLinks } from '../../ui/kiosk/links';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { refreshConfig } from '../config-sync';
import { registerServiceWorker, setUpdateGate, tryApplyUpdate } from '../sw-update';
import { showAttractVisits } from './attract-visits';
import { escposPrinting } from './escpos-print';

export type IdleDutiesDeps = {
  /** The kiosk: idle while on the attract screen (an update may apply only then). */
  actor: KioskActor;
  /** Its QR links (printed by an ESC/POS printer). */
  links: KioskLinks;
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
  return {
    idle: () => tryApplyUpdate(),
    refreshConfig,
    stop() {
      setUpdateGate(null);
      visits.stop();
      escpos?.stop();
    },
  };
}

export type IdleDuties = ReturnType<typeof startIdleDuties>;
