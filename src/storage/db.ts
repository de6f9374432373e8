/**
 * The device's IndexedDB: the event log and what a device must remember across
 * reboots. Must: migrations are additive by `oldVersion`; one function per transaction;
 * nothing but IndexedDB is awaited inside a transaction.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ConfigBundle } from '../domain/config/schema';
import type { KioskEvent } from '../domain/events';
import type { QueueCursor } from '../domain/numbering';

/** Who this device is; written once at set-up. */
export type DeviceIdentity = {
  deviceId: string;
  siteId: string;
  name: string;
  profileId: string;
  /** Number range reserved for this device per queue and day (1 → 001–100, 2 → 101–200…). */
  slot: number;
  /** Letter of this device's own emergency namespace (A-K001). */
  emergencyTag: string;
  createdAt: number;
};

/** The device's clock state, bumped in the same transaction as every append. */
export type ClockState = { deviceSeq: number; hlc: string | null };

export type CursorRecord = QueueCursor & { businessDay: string; prefix: string };

export type CachedConfig = { bundle: ConfigBundle; storedAt: number };

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
    key: 'device' | 'clock' | 'probe';
    value: DeviceIdentity | ClockState;
  };
  cursors: { key: [string, string]; value: CursorRecord };
  config: { key: 'current'; value: CachedConfig };
}

export type AnjunganDatabase = IDBPDatabase<AnjunganDB>;

export const DB_NAME = 'anjungan';
export const DB_VERSION = 1;

/** Opens (and migrates) the device database. */
export function openAnjunganDb(name = DB_NAME): Promise<AnjunganDatabase> {
  return openDB<AnjunganDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('byDevice', ['deviceId', 'deviceSeq'], { unique: true });
        events.createIndex('byTypeDayService', ['type', 'businessDay', 'data.serviceId']);
        events.createIndex('byDay', 'businessDay');
        db.createObjectStore('meta');
        db.createObjectStore('cursors', { keyPath: ['businessDay', 'prefix'] });
        db.createObjectStore('config');
      }
    },
    blocking() {
      // A newer version of the app wants to upgrade: let it, this page reloads on update.
    },
  });
}

/** Raised when the device cannot store: quota, private mode, a broken disk. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}
