/**
 * The store's roles that hold what the site is (./store.ts composes them): its enrolled
 * devices, its config versions, and which site the data belongs to.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import type { AuditInput } from './audit';
import type { DeviceChange } from './device-orders';
import type { ConfigVersionRecord, DeviceRecord, EnrollmentInput } from './records';
import type { SiteIdentity } from './site-identity';

/** Enrollment codes and the devices they enrolled. */
export interface Devices {
  /** Stores a one-time code (its hash), audited as its creator's action. */
  createEnrollment(input: EnrollmentInput): Promise<void>;
  /**
   * Spends an unexpired, unused enrollment code and creates the device with the next free
   * emergency tag of the site (A…Z, then AA…), or takes a revoked device of the site back
   * with a new token (audited as a re-enrollment), atomically; null when the code is not
   * valid; StoreError 'device_exists' for a live device's id.
   */
  enrollDevice(
    codeHash: string,
    device: {
      deviceId: string;
      name: string;
      profileId: string;
      tokenHash: string;
      enrolledAt: number;
    },
  ): Promise<DeviceRecord | null>;
  deviceByToken(tokenHash: string): Promise<DeviceRecord | null>;
  devices(siteId: string): Promise<DeviceRecord[]>;
  /** Revokes a device (first time kept); audited as `by`'s action when given. */
  revokeDevice(deviceId: string, at: number, by?: string): Promise<boolean>;
  touchDevice(deviceId: string, at: number): Promise<void>;
  /**
   * Records a device's last health report (JSON); one that reports the pending test print
   * (`testPrintAskedAt`, the time it was asked) ends it.
   */
  reportHealth(
    deviceId: string,
    health: string,
    at: number,
    testPrintAskedAt?: number | null,
  ): Promise<void>;
  /** Gives a device of the site another profile, audited; null when there is no such device. */
  setDeviceProfile(
    siteId: string,
    deviceId: string,
    profileId: string,
    change: DeviceChange,
  ): Promise<DeviceRecord | null>;
  /** Asks a device for a test print (one until it reports it), audited; null: no such device. */
  askTestPrint(
    siteId: string,
    deviceId: string,
    change: DeviceChange,
  ): Promise<DeviceRecord | null>;
  /** The site's devices' last health reports (JSON) and when they came, by device id. */
  deviceHealth(siteId: string): Promise<Map<string, { health: string; at: number }>>;
}

/** The site's config versions: seeded from CONFIG_DIR or published by an admin. */
export interface ConfigVersions {
  /** Stores the version unless stored already; `audit` is written in the same transaction. */
  saveConfigVersion(siteId: string, record: ConfigVersionRecord, audit?: AuditInput): Promise<void>;
  /** The newest admin-published version if any, else the newest seeded from CONFIG_DIR. */
  activeConfig(siteId: string): Promise<ConfigVersionRecord | null>;
  /** Every version the site ever stored, oldest first: what pushed events may name. */
  configHistory(siteId: string): Promise<ConfigBundle[]>;
  /** Every stored version without its content, newest first. */
  configVersionList(siteId: string): Promise<Omit<ConfigVersionRecord, 'bundle'>[]>;
  /** One stored version, or null. */
  configVersion(siteId: string, version: string): Promise<ConfigVersionRecord | null>;
}

/** Which site the data belongs to, and renaming it (./site-identity.ts). */
export interface SiteData {
  /** The site this store's data belongs to (./site-identity.ts); null while it holds none. */
  siteIdentity(): Promise<SiteIdentity | null>;
  /** Records the site of a store that holds none yet. */
  claimSite(siteId: string): Promise<void>;
  /** Moves every row of site `from` to `to`, the ledger too, keeping `from` as a former id. */
  renameSite(from: string, to: string): Promise<SiteIdentity>;
}
