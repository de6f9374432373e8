/**
 * The device's sync, started with the device once its first screen is up (its code is not
 * on a citizen's way to a ticket): the sync loop with the leases this device needs, pulled
 * pages handed to the replica, pruning of old events, and the staff's sync badge.
 * Must: a ticket issued before this module loads is pushed once it does (the outbox is
 * the log itself); stop() leaves no timer, listener or element behind.
 */
import { render } from 'preact';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import { businessDayOf } from '../../domain/time';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { oldestPending } from '../../storage/outbox-age';
import { pruneAcknowledged, retentionCutoff } from '../../storage/prune';
import { recordSyncOutcome } from '../../storage/sync-state';
import { readTestPrint } from '../../storage/test-print';
import { syncOnce } from '../../sync/engine';
import { startSyncLoop } from '../../sync/loop';
import { createHttpTransport } from '../../sync/transport';
import { SyncBadge } from '../../ui/sync/SyncBadge';
import { leaseNeeds } from './lease-needs';

export type KioskSyncDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: () => ConfigBundle;
  profile: () => Profile;
  now: () => number;
  /** Told of each pulled page once it is durable. */
  onPulled?: (events: readonly KioskEvent[]) => void;
};

const PRUNE_MS = 60 * 60_000;
/** How often a device tells the server how it stands, at most: after a sync that worked. */
const HEALTH_EVERY_MS = 5 * 60_000;

/** Starts syncing this device; the returned loop's status feeds the badge. */
export function startKioskSync(deps: KioskSyncDeps) {
  // The day by the server's clock, as the loop last measured it.
  const today = () => {
    const offsetMs = loop.status.getSnapshot().serverOffsetMs ?? 0;
    return businessDayOf(deps.now() + offsetMs, deps.config().site.timeZone);
  };
  const transport = createHttpTransport({ baseUrl: '', token: deps.identity.token });
  const loop = startSyncLoop({
    db: deps.db,
    transport,
    device: deps.identity,
    now: deps.now,
    needs: () => leaseNeeds(deps.config(), deps.profile(), today()),
    ...(deps.onPulled ? { onPulled: deps.onPulled } : {}),
    // Its code loads only when the server asks something of this device.
    onDevice: (orders) => {
      if (orders.profileId === deps.identity.profileId && orders.testPrintAt === null) return;
      void import('../device-orders')
        .then((m) => m.followOrders({ ...deps, report: () => health.now() }, orders))
        .catch((error: unknown) => console.warn('device orders not followed', error));
    },
  });
  const prune = () =>
    void pruneAcknowledged(deps.db, retentionCutoff(today())).catch(() => {
      // Pruning is housekeeping: a failure leaves events in place and is retried later.
    });
  prune();
  const pruneTimer = setInterval(prune, PRUNE_MS);
  const health = reportHealth(deps, loop.status, transport);
  // The staff sync line lives in its own element, beside (not inside) the kiosk's UI: on
  // a kiosk a strip of its own at the bottom edge (ui/sync/sync-badge.css).
  const badge = document.body.appendChild(document.createElement('div'));
  badge.className = 'sync-line';
  render(<SyncBadge store={loop.status} onReenroll={() => reenroll(deps)} />, badge);
  return {
    status: loop.status,
    requestSync: loop.requestSync,
    async stop() {
      clearInterval(pruneTimer);
      health.stop();
      render(null, badge);
      badge.remove();
      await loop.stop();
    },
  };
}

export type KioskSync = ReturnType<typeof startKioskSync>;

/**
 * Tells the server how this device stands (POST /sync/health) after a sync that worked, at
 * most every HEALTH_EVERY_MS: its build and config, what waits to be sent and since when,
 * its storage, the last sync error, the last asked test print's outcome. A report that
 * fails is left for the next time.
 */
function reportHealth(
  deps: KioskSyncDeps,
  status: KioskSyncStatus,
  transport: ReturnType<typeof createHttpTransport>,
): { now: () => void; stop: () => void } {
  let reportedAt = Number.NEGATIVE_INFINITY;
  let lastSyncAt: number | null = null;
  const stopping = new AbortController();
  const send = async () => {
    const storage = globalThis.navigator?.storage;
    const [estimate, persisted, oldestPendingAt, testPrint] = await Promise.all([
      storage?.estimate?.().catch(() => null) ?? null,
      storage?.persisted?.().catch(() => null) ?? null,
      oldestPending(deps.db, deps.identity.deviceId).catch(() => null),
      readTestPrint(deps.db).catch(() => null),
    ]);
    const { pending, lastError } = status.getSnapshot();
    await transport.health?.(
      {
        app: __APP_BUILD__,
        config: deps.config().version,
        pending,
        oldestPendingAt,
        storage: {
          usage: estimate?.usage ?? null,
          quota: estimate?.quota ?? null,
          persisted,
        },
        lastError: lastError === null ? null : lastError.slice(0, 200),
        testPrint,
      },
      stopping.signal,
    );
  };
  const now = () => {
    reportedAt = deps.now();
    void send().catch((error: unknown) => console.warn('health report not sent', error));
  };
  const unsubscribe = status.subscribe(() => {
    const snapshot = status.getSnapshot();
    if (snapshot.lastSyncAt === lastSyncAt || snapshot.lastSyncAt === null) return;
    lastSyncAt = snapshot.lastSyncAt;
    if (deps.now() - reportedAt >= HEALTH_EVERY_MS) now();
  });
  return {
    /** Reports now, whenever the last report was (a test print's outcome waits for none). */
    now,
    stop() {
      unsubscribe();
      stopping.abort();
    },
  };
}

/** Opens the staff's re-enrollment form over the screen (its code loads only then). */
function reenroll(deps: KioskSyncDeps): void {
  void import('./reenroll').then((m) => m.openReenroll(deps));
}

type KioskSyncStatus = ReturnType<typeof startSyncLoop>['status'];

/**
 * One sync right after enrollment, while the network is surely there: the device starts
 * with today's leases, so its first ticket has a leased number. Never throws; without an
 * answer the device issues from its emergency namespace until the loop gets leases.
 */
export async function firstSync(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  config: ConfigBundle,
  profile: Profile,
  timeoutMs = 8_000,
): Promise<void> {
  const now = Date.now;
  const deps = {
    db,
    transport: createHttpTransport({ baseUrl: '', token: identity.token }),
    device: identity,
    now,
    needs: () => leaseNeeds(config, profile, businessDayOf(now(), config.site.timeZone)),
  };
  // Recorded as the loop records a run: a device enrolled again does not report the
  // refusal it saw before as its last sync error.
  await syncOnce(deps, AbortSignal.timeout(timeoutMs))
    .then(() => recordSyncOutcome(db, { at: now(), error: null }))
    .catch(() => {});
}
