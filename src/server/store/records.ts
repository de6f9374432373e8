/**
 * The records the store takes and gives (./store.ts): pushes and their outcomes, devices,
 * admins, enrollment codes, config versions, flagged events.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import type { DeviceSummary, FlaggedPage } from '../../domain/protocol';
import type { QuarantineReason } from '../../domain/trust';

export type PushInput = {
  siteId: string;
  deviceId: string;
  /** Already validated, in ascending deviceSeq, all of this device and site. */
  events: KioskEvent[];
  receivedAt: number;
  /** Events whose HLC ms exceeds receivedAt + this are stored flagged. */
  maxDriftMs: number;
  /**
   * Why events (by id) are quarantined, as the caller screened them against the config
   * (src/domain/trust.ts); events not in it are not.
   */
  quarantined?: ReadonlyMap<string, readonly QuarantineReason[]>;
};

export type PushOutcome =
  | {
      kind: 'ok';
      ackSeq: number;
      accepted: number;
      /** Stored events flagged (and not quarantined), and quarantined. */
      flagged: number;
      quarantined: number;
      head: number;
    }
  /** The first new event is not lastSeq + 1: nothing stored. */
  | { kind: 'gap'; ackSeq: number }
  /** An event id is already stored for another (device, deviceSeq): nothing stored. */
  | { kind: 'conflict'; ackSeq: number; eventId: string };

/** A device as stored: what an admin is shown of it, and its site. */
export type DeviceRecord = DeviceSummary & { siteId: string };

export type AdminRecord = { adminId: string; name: string; createdAt: number };

export type EnrollmentInput = {
  codeHash: string;
  siteId: string;
  label: string | null;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
};

export type ConfigVersionRecord = {
  version: string;
  source: 'dir' | 'admin';
  bundle: ConfigBundle;
  createdAt: number;
};

/**
 * A flagged event, listed for staff: flagged ones are kept and folded like any other,
 * quarantined ones are kept out of everything other devices and public pages see.
 */
export type FlaggedEvent = FlaggedPage['flagged'][number];

/** Leave out one device's own events through a deviceSeq (it holds them already). */
export type SkipOwn = { deviceId: string; throughSeq: number };
