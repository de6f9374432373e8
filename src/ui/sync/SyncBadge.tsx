/**
 * A small line for staff in a corner of the kiosk: whether the site server answers, how
 * many tickets wait to be sent and when the device last synced. Citizens can ignore it;
 * it never blocks anything (the kiosk issues offline all the same).
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

/** The badge's words for a status, Indonesian and English. */
export function syncBadgeText(status: SyncView, now: number): { id: string; en: string } {
  const waiting =
    status.pending > 0
      ? { id: ` · ${status.pending} belum terkirim`, en: ` · ${status.pending} not sent yet` }
      : { id: '', en: '' };
  const state = syncBadgeState(status);
  if (state === 'refused') {
    return {
      id: `Ditolak server — hubungi admin${waiting.id}`,
      en: `Refused by the server — call the admin${waiting.en}`,
    };
  }
  if (state === 'offline') {
    return { id: `Luring${waiting.id}`, en: `Offline${waiting.en}` };
  }
  if (status.lastSyncAt === null) {
    return { id: `Menyambungkan…${waiting.id}`, en: `Connecting…${waiting.en}` };
  }
  const minutes = Math.max(0, Math.floor((now - status.lastSyncAt) / 60_000));
  const ago =
    minutes < 1
      ? { id: 'baru saja', en: 'just now' }
      : { id: `${minutes} menit lalu`, en: `${minutes} min ago` };
  return {
    id: `Tersinkron ${ago.id}${waiting.id}`,
    en: `Synced ${ago.en}${waiting.en}`,
  };
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
        <button type="button" class="sync-reenroll" onClick={props.onReenroll}>
          Daftarkan ulang{' '}
          <span lang="en" class="second-language">
            Enroll again
          </span>
        </button>
      )}
      <output class={`sync-badge sync-badge--${state}`} aria-live="off" data-sync={state}>
        <span aria-hidden="true" class="sync-badge__dot" />
        {text.id}{' '}
        <span lang="en" class="second-language">
          {text.en}
        </span>
      </output>
    </>
  );
}
