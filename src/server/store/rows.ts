/**
 * Rows as the database returns them, and their mapping to the store's records.
 * Must: column lists here and the mappers agree; JSON columns are parsed only here.
 */
import type { KioskEvent } from '../../domain/events';
import type { SyncedEvent } from '../../domain/protocol';
import type { FlagReason } from '../../domain/trust';
import type { DeviceRecord } from './records';

/** Columns of an event as read back. */
export const EVENT_COLUMNS =
  'id, site_id, device_id, device_seq, site_seq, hlc, business_day, type, data, v, flags, quarantined';

/** An `events` row (the EVENT_COLUMNS). */
export type EventRow = {
  id: string;
  site_id: string;
  device_id: string;
  device_seq: number;
  site_seq: number;
  hlc: string;
  business_day: string;
  type: string;
  data: string;
  v: number;
  /** Comma-separated reasons (src/domain/trust.ts); '' when none. */
  flags: string;
  quarantined: number;
};

/** The event as the device sent it (stored payloads were validated on the way in). */
export function toKioskEvent(row: EventRow): KioskEvent {
  return {
    id: row.id,
    siteId: row.site_id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    hlc: row.hlc,
    businessDay: row.business_day,
    type: row.type as KioskEvent['type'],
    data: JSON.parse(row.data) as KioskEvent['data'],
    v: row.v,
  };
}

/** The event with its place in the site's commit order and, when it has any, its flags. */
export function toSyncedEvent(row: EventRow): SyncedEvent {
  const event: SyncedEvent = { ...toKioskEvent(row), siteSeq: row.site_seq };
  if (row.flags !== '') event.flags = row.flags.split(',') as FlagReason[];
  return event;
}

/** Columns of a device as read back. */
export const DEVICE_COLUMNS =
  'device_id, site_id, name, profile_id, emergency_tag, enrolled_at, revoked_at, last_seen_at, last_seq, test_print_at, reenrolled_at';

/** A `devices` row (the DEVICE_COLUMNS). */
export type DeviceRow = {
  device_id: string;
  site_id: string;
  name: string;
  profile_id: string;
  emergency_tag: string;
  enrolled_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  last_seq: number;
  test_print_at: number | string | null;
  reenrolled_at: number | string | null;
};

/** The device record of a row. */
export function toDeviceRecord(row: DeviceRow): DeviceRecord {
  return {
    deviceId: row.device_id,
    siteId: row.site_id,
    name: row.name,
    profileId: row.profile_id,
    emergencyTag: row.emergency_tag,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    lastSeq: row.last_seq,
    testPrintAt: row.test_print_at === null ? null : Number(row.test_print_at),
    reenrolledAt: row.reenrolled_at === null ? null : Number(row.reenrolled_at),
  };
}
