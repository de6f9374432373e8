/** The sync loop's status as an external store (useSyncExternalStore-shaped). */

/** What the admin screen and the kiosk's status badge show. */
export type SyncStatus = {
  /** Whether the server answered last time (or the browser says online, before any try). */
  online: boolean;
  /** Own events the server has not acknowledged. */
  pending: number;
  lastSyncAt: number | null;
  lastError: string | null;
  /** A sync is running. */
  syncing: boolean;
  /** Events seen with an HLC beyond the drift bound since the loop started. */
  flagged: number;
  /**
   * Own events the server accepted but kept from every other device since the loop started
   * (src/domain/trust.ts): a counter tells its staff, for their action reached no one.
   */
  quarantined: number;
  /**
   * The server refused this device's token at the last try (revoked, or unknown to it):
   * syncing cannot resume without an admin, however long the device waits.
   */
  refused: boolean;
  /**
   * Server time minus device time, as last measured (stored, read once at the start): what
   * this device adds to its clock when it stamps an event; null until the loop has read it.
   */
  serverOffsetMs: number | null;
};

export type StatusStore = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatus;
};

/** A store whose snapshot is a new object on each change and the same one otherwise. */
export function createStatusStore(initial: SyncStatus) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const store: StatusStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
  const update = (change: Partial<SyncStatus>) => {
    const next = { ...snapshot, ...change };
    const keys = Object.keys(next) as (keyof SyncStatus)[];
    if (keys.every((k) => next[k] === snapshot[k])) return;
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  return { store, update };
}
