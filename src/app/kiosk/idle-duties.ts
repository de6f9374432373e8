/**
 * What a running kiosk does in its idle moments on the attract screen, loaded at the
 * first one (never on a citizen's way to a ticket): preload the rarer screens, install
 * the service worker and apply its updates, fetch config updates.
 */
import { preloadKioskScreens } from '../../ui/kiosk/KioskApp';
import { refreshConfig } from '../config-sync';
import { registerServiceWorker, setUpdateGate, tryApplyUpdate } from '../sw-update';

export type IdleDutiesDeps = {
  /** Whether the kiosk is idle now (an update may apply only then). */
  isIdle: () => boolean;
};

/** Starts the duties; `idle()` on each later idle moment, `stop()` on teardown. */
export function startIdleDuties(deps: IdleDutiesDeps) {
  void preloadKioskScreens();
  setUpdateGate(deps.isIdle);
  registerServiceWorker();
  return {
    idle: () => tryApplyUpdate(),
    refreshConfig,
    stop() {
      setUpdateGate(null);
    },
  };
}

export type IdleDuties = ReturnType<typeof startIdleDuties>;
