/**
 * Appending a device's own event other than a ticket (a counter's call, serve, finish…):
 * one strict-durability transaction that adds the event and bumps deviceSeq and the HLC
 * high-water mark. Tickets have their own transaction (./tickets.ts: numbers and quotas).
 * Must: the event exists only after the transaction commits; a failed or aborted
 * transaction leaves nothing behind; deviceSeq stays contiguous and the HLC increasing.
 */
import type { EventData, EventType, KioskEvent } from '../domain/events';
import { EVENT_SCHEMA_VERSION } from '../domain/events';
import { decodeHlc, encodeHlc, nextHlc } from '../domain/hlc';
import { type AnjunganDatabase, type ClockState, type DeviceIdentity, StorageError } from './db';
import { abortQuietly } from './tx';

/** What the caller decides: the id, the time, the business day and the payload. */
export type EventDraft<T extends EventType> = {
  id: string;
  /** Device time plus the server offset. */
  physicalMs: number;
  /** For an action on a ticket: the ticket's business day. */
  businessDay: string;
  type: T;
  data: EventData<T>;
};

/** Appends one event atomically; resolves only once it is durable. */
export async function appendDeviceEvent<T extends EventType>(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  draft: EventDraft<T>,
): Promise<KioskEvent<T>> {
  let tx: ReturnType<typeof open> | undefined;
  try {
    tx = open(db);
    const meta = tx.objectStore('meta');
    const clock = ((await meta.get('clock')) as ClockState | undefined) ?? {
      deviceSeq: 0,
      hlc: null,
    };
    const hlc = encodeHlc(nextHlc(clock.hlc ? decodeHlc(clock.hlc) : null, draft.physicalMs));
    const event: KioskEvent<T> = {
      id: draft.id,
      siteId: identity.siteId,
      deviceId: identity.deviceId,
      deviceSeq: clock.deviceSeq + 1,
      hlc,
      businessDay: draft.businessDay,
      type: draft.type,
      data: draft.data,
      v: EVENT_SCHEMA_VERSION,
    };
    await tx.objectStore('events').add(event);
    await meta.put({ deviceSeq: event.deviceSeq, hlc }, 'clock');
    await tx.done;
    return event;
  } catch (error) {
    abortQuietly(tx);
    throw new StorageError('event could not be stored', { cause: error });
  }
}

function open(db: AnjunganDatabase) {
  return db.transaction(['events', 'meta'], 'readwrite', { durability: 'strict' });
}
