/**
 * A small line for staff in a corner of the kiosk, in Indonesian: whether the site server
 * answers, how many tickets wait to be sent and when the device last synced. Citizens can
 * ignore it: on a kiosk it sits in a strip of its own that no control reaches
 * (./sync-badge.css), and it never blocks anything (the kiosk issues offline all the same).
 */
import { useEffect, useState } from 'preact/hooks';

/** What the badge reads of the sync loop's status (src/sync/status.ts fits it). */
export type SyncView = {
  online: boolean;
  pending: number;
  lastSyncAt: number | null;
  /** The server refused the device's token: only an admin can help. */
  refused?: boolean;
};
/** A store of that status, subscribed to like useSyncExternalStore's. */
export type SyncViewStore = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncView;
};

/** Which of the badge's looks a status has; refused outranks offline, offline pending. */
export function syncBadgeState(status: SyncView): 'refused' | 'offline' | 'pending' | 'online' {
  if (status.refused) return 'refused';
  if (!status.online) return 'offline';
  return status.pending > 0 ? 'pending' : 'online';
}

/**
 * The badge's words for a status, in Indonesian only: it is the staff's, and a citizen's
 * screen shows one language at a time (the citizen's).
 */
export function syncBadgeText(status: SyncView, now: number): string {
  const waiting = status.pending > 0 ? ` · ${status.pending} belum terkirim` : '';
  const state = syncBadgeState(status);
  if (state === 'refused') return `Ditolak server — hubungi admin${waiting}`;
  if (state === 'offline') return `Luring${waiting}`;
  if (status.lastSyncAt === null) return `Menyambungkan…${waiting}`;
  const minutes = Math.max(0, Math.floor((now - status.lastSyncAt) / 60_000));
  return `Tersinkron ${minutes < 1 ? 'baru saja' : `${minutes} menit lalu`}${waiting}`;
}

/** Subscribes to the loop's status; re-renders each minute for the "ago" part. */
export function SyncBadge(props: {
  store: SyncViewStore;
  now?: () => number;
  /** Staff's way back to enrollment once the server refused the device (revoked). */
  onReenroll?: () => void;
}) {
  const now = props.now ?? Date.now;
  const [status, setStatus] = useState(props.store.getSnapshot());
  const [, tick] = useState(0);
  useEffect(() => {
    setStatus(props.store.getSnapshot());
    const unsubscribe = props.store.subscribe(() => setStatus(props.store.getSnapshot()));
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [props.store]);
  const text = syncBadgeText(status, now());
  const state = syncBadgeState(status);
  return (
    <>
      {state === 'refused' && props.onReenroll && (
        <button type="button" class="sync-reenroll" lang="id" onClick={props.onReenroll}>
          Daftarkan ulang
        </button>
      )}
      <output class={`sync-badge sync-badge--${state}`} lang="id" aria-live="off" data-sync={state}>
        <span aria-hidden="true" class="sync-badge__dot" />
        {text}
      </output>
    </>
  );
}
