/**
 * Sync for a counter or a board: the device's sync loop (./kiosk/sync.tsx), loaded once the
 * surface is up, with pulled pages handed to the replica and the server's reachability
 * reported to the surface.
 */
import type { ConfigBundle, Profile } from '../domain/config/schema';
import type { Replica } from '../replica/replica';
import type { AnjunganDatabase, DeviceIdentity } from '../storage/db';
import type { SyncReason } from '../sync/loop';
import type { KioskSync } from './kiosk/sync';

export type DeviceSyncDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now: () => number;
  replica: Replica;
};

/** Starts syncing; `onOnline` hears whether the server answers, after each change. */
export function startDeviceSync(deps: DeviceSyncDeps, onOnline: (online: boolean) => void) {
  let sync: KioskSync | null = null;
  let stopped = false;
  void import('./kiosk/sync').then((m) => {
    if (stopped) return;
    const started = m.startKioskSync({
      db: deps.db,
      identity: deps.identity,
      now: deps.now,
      config: () => deps.config,
      profile: () => deps.profile,
      onPulled: (events) => deps.replica.applyCommitted(events),
    });
    sync = started;
    started.status.subscribe(() => onOnline(started.status.getSnapshot().online));
  });
  return {
    requestSync: (reason: SyncReason) => sync?.requestSync(reason),
    stop() {
      stopped = true;
      void sync?.stop();
    },
  };
}
