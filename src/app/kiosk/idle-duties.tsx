/**
 * What a running kiosk does in its idle moments on the attract screen, loaded at the
 * first one (never on a citizen's way to a ticket): preload the rarer screens, install
 * the service worker and apply its updates, fetch config updates, sync with the site
 * server, prune old events.
 * Must: a ticket issued before this loads is pushed once it does (the outbox is the log).
 */
import { render } from 'preact';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { preloadKioskScreens } from '../../ui/kiosk/KioskApp';
import { SyncBadge } from '../../ui/sync/SyncBadge';
import { refreshConfig } from '../config-sync';
import { registerServiceWorker, setUpdateGate, tryApplyUpdate } from '../sw-update';
import { startKioskSync } from './sync';

export type IdleDutiesDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: () => ConfigBundle;
  profile: () => Profile;
  now: () => number;
  /** Whether the kiosk is idle now (an update may apply only then). */
  isIdle: () => boolean;
};

/** Starts the duties; `idle()` on each later idle moment, `stop()` on teardown. */
export function startIdleDuties(deps: IdleDutiesDeps) {
  void preloadKioskScreens();
  setUpdateGate(deps.isIdle);
  registerServiceWorker();
  const sync = startKioskSync(deps);
  // The staff sync line lives in its own element, beside (not inside) the kiosk's UI.
  const badge = document.body.appendChild(document.createElement('div'));
  render(<SyncBadge store={sync.status} />, badge);
  return {
    requestSync: sync.requestSync,
    idle: () => tryApplyUpdate(),
    refreshConfig,
    stop() {
      setUpdateGate(null);
      render(null, badge);
      badge.remove();
      void sync.stop();
    },
  };
}

export type IdleDuties = ReturnType<typeof startIdleDuties>;
