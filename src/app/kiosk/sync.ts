/**
 * The kiosk's sync duties, loaded at the first idle moment (never on a citizen's way to a
 * ticket): the sync loop with the leases this device needs, and pruning of old events.
 * Must: a ticket issued before this module loads is pushed once it does (the outbox is
 * the log itself); stop() leaves no timer or listener behind.
 */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { addDays } from '../../domain/lease-days';
import { businessDayOf, nextOpenDay } from '../../domain/time';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { pruneAcknowledged, retentionCutoff } from '../../storage/prune';
import { readSyncState } from '../../storage/sync-state';
import type { LeaseNeeds } from '../../sync/context';
import { syncOnce } from '../../sync/engine';
import { startSyncLoop } from '../../sync/loop';
import { createHttpTransport } from '../../sync/transport';

export type KioskSyncDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: () => ConfigBundle;
  profile: () => Profile;
  now: () => number;
};

const PRUNE_MS = 60 * 60_000;
/** How far ahead a mobile unit leases for the visits of its trip. */
const VISIT_HORIZON_DAYS = 14;

/** Starts syncing this device; the returned loop's status feeds the badge. */
export function startKioskSync(deps: KioskSyncDeps) {
  let offsetMs = 0;
  const today = () => businessDayOf(deps.now() + offsetMs, deps.config().site.timeZone);
  const refreshOffset = () =>
    readSyncState(deps.db)
      .then((state) => {
        offsetMs = state.serverOffsetMs;
      })
      .catch(() => {});
  void refreshOffset();
  const loop = startSyncLoop({
    db: deps.db,
    transport: createHttpTransport({ baseUrl: '', token: deps.identity.token }),
    device: deps.identity,
    now: deps.now,
    needs: () => leaseNeeds(deps.config(), deps.profile(), today()),
  });
  const unsubscribe = loop.status.subscribe(() => void refreshOffset());
  const prune = () =>
    void pruneAcknowledged(deps.db, retentionCutoff(today())).catch(() => {
      // Pruning is housekeeping: a failure leaves events in place and is retried later.
    });
  prune();
  const pruneTimer = setInterval(prune, PRUNE_MS);
  return {
    status: loop.status,
    requestSync: loop.requestSync,
    async stop() {
      clearInterval(pruneTimer);
      unsubscribe();
      await loop.stop();
    },
  };
}

export type KioskSync = ReturnType<typeof startKioskSync>;

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
  await syncOnce(deps, AbortSignal.timeout(timeoutMs)).catch(() => {});
}

/**
 * The leases a device needs: today's numbers for every queue its profile issues from and
 * quota tokens for its quota services; a mobile unit also every visit day ahead; numbers
 * (no tokens) for the site's next open day, for a night spent offline.
 */
export function leaseNeeds(config: ConfigBundle, profile: Profile, today: string): LeaseNeeds {
  const shown = profile.agencies;
  const agencies = shown ? config.agencies.filter((a) => shown.includes(a.id)) : config.agencies;
  const prefixes = new Set<string>();
  const quotaServices = new Set<string>();
  for (const agency of agencies) {
    prefixes.add(agency.prefix);
    for (const service of agency.services) {
      if (service.prefix) prefixes.add(service.prefix);
      if (service.dailyQuota !== undefined) quotaServices.add(service.id);
    }
  }
  const days = new Set([today]);
  if (profile.surface === 'mobile') {
    const horizon = addDays(today, VISIT_HORIZON_DAYS);
    for (const visit of config.visits) {
      if (visit.date < today || visit.date > horizon) continue;
      days.add(visit.date);
      for (const entry of visit.services) quotaServices.add(entry.service);
    }
  }
  const next = nextOpenDay(today, config.site.openingHours, config.site.holidays);
  return {
    days: [...days].sort(),
    aheadDays: next === null ? [] : [next],
    prefixes: [...prefixes],
    quotaServices: [...quotaServices],
  };
}
