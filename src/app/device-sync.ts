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

/**
 * What the surface hears of the sync: the server's reachability, own events it kept, and
 * the server clock's offset (what the device adds to its clock when it stamps an event;
 * null until the loop has read it).
 */
export type DeviceSyncListener = (status: {
  online: boolean;
  quarantined: number;
  serverOffsetMs: number | null;
  /** Own events not acknowledged yet, and when the server last answered. */
  pending: number;
  lastSyncAt: number | null;
  syncing: boolean;
}) => void;

/**
 * Starts syncing; `onStatus` hears whether the server answers and how many of this device's
 * events it quarantined since the start (src/domain/trust.ts), after each change.
 */
export function startDeviceSync(deps: DeviceSyncDeps, onStatus: DeviceSyncListener) {
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
    started.status.subscribe(() => {
      const { online, quarantined, serverOffsetMs, pending, lastSyncAt, syncing } =
        started.status.getSnapshot();
      onStatus({ online, quarantined, serverOffsetMs, pending, lastSyncAt, syncing });
    });
  });
  return {
    requestSync: (reason: SyncReason) => sync?.requestSync(reason),
    stop() {
      stopped = true;
      void sync?.stop();
    },
  };
}
