/**
 * The device's IndexedDB: the event log and what a device must remember across
 * reboots. Must: migrations are additive by `oldVersion` (./migrations.ts); one function
 * per transaction; nothing but IndexedDB is awaited inside a transaction.
 */

import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Booking } from '../domain/bookings';
import type { ConfigBundle } from '../domain/config/schema';
import type { KioskEvent } from '../domain/events';
import type { QueueCursor } from '../domain/numbering';
import type { PersonalEntry } from '../domain/personal-data';
import type { StaffVerifier } from '../domain/staff';
import { migrateToV1, migrateToV2 } from './migrations';

/**
 * Who this device is. The server assigns `emergencyTag` and `token` at enrollment; a
 * device migrated from v1 keeps its tag but has `token: ''` and `enrolledAt: null`
 * until it enrolls (see `isEnrolled`).
 */
export type DeviceIdentity = {
  deviceId: string;
  siteId: string;
  name: string;
  profileId: string;
  /** Letter of this device's own emergency namespace (A-K001). */
  emergencyTag: string;
  /** Bearer token for the sync API; '' when the device is not enrolled. */
  token: string;
  /** When the server enrolled the device; null when it is not enrolled. */
  enrolledAt: number | null;
};

/** The device's clock state, bumped in the same transaction as every append. */
export type ClockState = { deviceSeq: number; hlc: string | null };

/** Where sync stands; in `meta` under 'sync'. */
export type SyncState = {
  /** Highest own deviceSeq the server says it durably holds. */
  ackSeq: number;
  /** The server epoch that ackSeq was said in; a new epoch means: ask again. */
  ackEpoch: string | null;
  /** Highest siteSeq applied locally (pull cursor). */
  cursor: number;
  /** The server epoch the cursor belongs to; null before the first pull. */
  epoch: string | null;
  /** Server time minus device time, measured on the last sync. */
  serverOffsetMs: number;
  lastSyncAt: number | null;
  lastError: string | null;
};

/** A queue's number cursor of one day; its blocks come from server leases. */
export type CursorRecord = QueueCursor & { businessDay: string; prefix: string };

/** Quota tokens of one service and day: this device may issue `granted - used` more. */
export type QuotaRecord = {
  businessDay: string;
  serviceId: string;
  granted: number;
  used: number;
  /** Tokens of the day's quota the server had not granted to anyone at the last lease. */
  remaining: number | null;
};

export type CachedConfig = { bundle: ConfigBundle; storedAt: number };

/** The newest call a board has announced (its HLC): a reload never says it again. */
export type Announced = { hlc: string };

/** The last test print on this device: when, whether the staff saw it come out right, how. */
export type PrinterCheck = { at: number; ok: boolean; via: string };

/**
 * The last test print an admin asked of this device (`askedAt`, the server's time of the
 * ask) and how it went: kept until the health report carries it, so it prints once.
 */
export type TestPrintRecord = {
  askedAt: number;
  outcome: 'printed' | 'failed' | 'no_printer';
  reason: string | null;
  at: number;
};

/** The verifiers of the staff allowed on this device, as the server last sent them. */
export type StaffCache = { staff: StaffVerifier[]; fetchedAt: number };
/** Wrong PINs per person on this device, and their lockouts (they survive a reload). */
export type PinFailures = Record<
  string,
  { failures: number; lockouts: number; lockedUntil: number }
>;

/** PINs checked while the server did not answer, oldest first: reported when it does. */
export type UnreportedSignIns = { staffId: string; ok: boolean }[];

/** The bookings made elsewhere around today, as the server last sent them (./bookings.ts). */
export type HeldBookings = {
  from: string;
  to: string;
  version: string;
  bookings: Booking[];
  fetchedAt: number;
};

export type MetaKey =
  | 'device'
  | 'clock'
  | 'probe'
  | 'sync'
  | 'staff'
  | 'pin-failures'
  | 'sign-ins-unreported'
  | 'announced'
  | 'printer-check'
  | 'bookings'
  | 'test-print'
  | 'personal';

export interface AnjunganDB extends DBSchema {
  events: {
    key: string;
    value: KioskEvent;
    indexes: {
      byDevice: [string, number];
      byTypeDayService: [string, string, string];
      byDay: string;
    };
  };
  meta: {
    key: MetaKey;
    value:
      | DeviceIdentity
      | ClockState
      | SyncState
      | StaffCache
      | PinFailures
      | UnreportedSignIns
      | Announced
      | PrinterCheck
      | HeldBookings
      | TestPrintRecord
      | PersonalEntry[];
  };
  cursors: { key: [string, string]; value: CursorRecord };
  config: { key: 'current'; value: CachedConfig };
  quota: { key: [string, string]; value: QuotaRecord };
}

export type AnjunganDatabase = IDBPDatabase<AnjunganDB>;

export const DB_NAME = 'anjungan';
export const DB_VERSION = 2;

/** Opens (and migrates) the device database. */
export function openAnjunganDb(name = DB_NAME, version = DB_VERSION): Promise<AnjunganDatabase> {
  return openDB<AnjunganDB>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) migrateToV1(db);
      if (oldVersion < 2 && version >= 2) await migrateToV2(db, tx, oldVersion);
    },
    blocking() {
      // A newer version of the app wants to upgrade: let it, this page reloads on update.
    },
  });
}

/** True when the device holds a sync token from the server. */
export function isEnrolled(identity: DeviceIdentity): boolean {
  return identity.token !== '' && identity.enrolledAt !== null;
}

/** Raised when the device cannot store: quota, private mode, a broken disk. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}
