/**
 * The site server's storage, behind one small interface with two implementations:
 * SQLite (better-sqlite3, the default) and PostgreSQL (pg, when DATABASE_URL is set).
 * One integration suite runs against both.
 * Must: a resolved promise means durably committed (SQLite: WAL + synchronous=FULL);
 * a push's events commit together (concurrent pushes may share a transaction, each with
 * its own outcome) and get siteSeqs in commit order; blocks of numbers and quota tokens
 * are never granted twice, across restores too; nothing here knows HTTP.
 */

import type { ConfigBundle } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import type {
  AdminTokenSummary,
  AuditEntry,
  FlagReview,
  NumberLease,
  SyncedEvent,
} from '../../domain/protocol';
import type { NewAdminToken, RevokeTokenOutcome } from './admin-tokens';
import type { AuditInput } from './audit';
import type { DeviceChange } from './device-orders';
import type {
  AdminRecord,
  ConfigVersionRecord,
  DeviceRecord,
  EnrollmentInput,
  FlaggedEvent,
  PushInput,
  PushOutcome,
  SkipOwn,
} from './records';
import type { SiteIdentity } from './site-identity';
import type { Bookings, PersonalData, SkmAnswers } from './store-citizens';

export type { Bookings, PersonalData, SkmAnswers };

import type { NewStaff, PinVerifier, SetupCode, StaffRecord } from './staff';

export type { NewAdminToken, RevokeTokenOutcome } from './admin-tokens';
export type { AuditInput } from './audit';
export type { DeviceChange } from './device-orders';
export type * from './records';
export type { NewStaff, PinVerifier, SetupCode, StaffRecord } from './staff';

/** The event log: pushes, pulls, a day's events, flagged ones (ARCHITECTURE.md §3–4). */
export interface EventLog {
  push(input: PushInput): Promise<PushOutcome>;
  /** Events with siteSeq > cursor, ascending, at most `limit`. */
  pull(siteId: string, cursor: number, limit: number): Promise<SyncedEvent[]>;
  /**
   * A pull page: like pull, less `skip`'s device's own events through its seq; `last` is
   * the siteSeq of the last event read, kept or not (the next cursor), null when none.
   */
  pullPage(
    siteId: string,
    cursor: number,
    limit: number,
    skip: SkipOwn | null,
  ): Promise<{ events: SyncedEvent[]; last: number | null }>;
  head(siteId: string): Promise<number>;
  eventsOfDay(siteId: string, businessDay: string): Promise<KioskEvent[]>;
  /** Changes whenever an event of the day is stored (count and last siteSeq). */
  dayStamp(siteId: string, businessDay: string): Promise<string>;
  /** A day's report summary as kept (JSON), with its stamp; null when none is. */
  keptDaySummary(
    siteId: string,
    businessDay: string,
  ): Promise<{ stamp: string; summary: string } | null>;
  keepDaySummary(
    siteId: string,
    businessDay: string,
    stamp: string,
    summary: string,
  ): Promise<void>;
  /** The event with this id, and whether it is quarantined (kept from public pages); null when none. */
  findEvent(eventId: string): Promise<{ event: SyncedEvent; quarantined: boolean } | null>;
  /** Flagged and quarantined events, in siteSeq order: at most `limit` (500) after siteSeq `after`. */
  /** Flagged and quarantined events, with their reviews; `open`: the unreviewed ones. */
  flaggedEvents(
    siteId: string,
    after?: number,
    limit?: number,
    open?: boolean,
  ): Promise<FlaggedEvent[]>;
  /** Records a review of a flagged event (the first stands), audited; null: no such event. */
  reviewFlagged(siteId: string, eventId: string, review: FlagReview): Promise<FlagReview | null>;
}

/** Number blocks and quota tokens granted in advance (ARCHITECTURE.md §5). */
export interface Leases {
  /**
   * A new block of up to `count` numbers after every block ever granted for (site, day,
   * prefix), never past MAX_TICKET_SEQ nor beyond the device's `deviceShare` of the day;
   * null when nothing can be granted.
   */
  leaseNumbers(input: {
    siteId: string;
    deviceId: string;
    businessDay: string;
    prefix: string;
    count: number;
    grantedAt: number;
    /** Unlimited when absent. */
    deviceShare?: number;
  }): Promise<NumberLease | null>;
  /**
   * Up to `count` tokens of the pool's quota of the day, never more than `quota` in all nor
   * more than `deviceShare` unused by the device (none when absent); 0 when none can be granted.
   */
  leaseQuota(input: {
    siteId: string;
    deviceId: string;
    businessDay: string;
    serviceId: string;
    /** LOBBY_POOL (src/domain/quotas.ts), or a visit's id. */
    pool: string;
    count: number;
    quota: number;
    grantedAt: number;
    deviceShare?: number;
  }): Promise<{ count: number; remaining: number }>;
  numberLeases(
    siteId: string,
    businessDay: string,
  ): Promise<(NumberLease & { deviceId: string })[]>;
}

/** Admins, their tokens, the bootstrap code and the audit log. */
export interface AdminAccess {
  /** True while some admin holds a token neither revoked nor expired at `now`. */
  hasActiveAdmin(now: number): Promise<boolean>;
  /** Replaces the pending bootstrap code (only while no admin is active at createdAt). */
  setBootstrapCode(codeHash: string, createdAt: number): Promise<void>;
  /**
   * Creates an admin with its first token if the code matches and no admin is active at
   * admin.createdAt, spending the code; atomically, audited; null when refused.
   */
  bootstrapAdmin(
    codeHash: string,
    admin: AdminRecord,
    token: NewAdminToken,
  ): Promise<AdminRecord | null>;
  /** Another admin with its first token, audited as `by`'s action. */
  createAdmin(admin: AdminRecord, token: NewAdminToken, by: string): Promise<void>;
  /** A new token of `adminId` (renewal), audited. */
  createAdminToken(adminId: string, token: NewAdminToken): Promise<void>;
  /** Revokes a token unless it is the site's last valid one; audited as `by`'s, whatever happens. */
  revokeAdminToken(tokenId: string, at: number, by: string): Promise<RevokeTokenOutcome>;
  /** The token with its admin, revoked or expired or not (the caller decides), or null. */
  adminByToken(tokenHash: string): Promise<AdminTokenSummary | null>;
  /** Every admin token, newest first. */
  adminTokens(): Promise<AdminTokenSummary[]>;
  touchAdminToken(tokenId: string, at: number): Promise<void>;
  /** A staff member's admin session: their admin record (made or renamed) and its token, audited. */
  startStaffSession(person: { staffId: string; name: string }, token: NewAdminToken): Promise<void>;
  /** Whether the admin is a staff member's (sessions at /admin), not an API admin. */
  isStaffAdmin(adminId: string): Promise<boolean>;
  /** Ends a staff session: its token is revoked (no last-token rule), audited. */
  endStaffSession(tokenId: string, adminId: string, at: number): Promise<void>;
  /** Appends an audit entry for what has no transaction of its own (reads, refusals). */
  recordAudit(entry: AuditInput): Promise<void>;
  /** Audit entries numbered below `before` (all when null), newest first, at most `limit`. */
  auditLog(before: number | null, limit: number): Promise<AuditEntry[]>;
}

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

/** Staff of the site and their PINs (./staff.ts); every call is scoped to one site. */
export interface Staff {
  /** Creates a person with a set-up code (its hash), audited as `by`'s action. */
  createStaff(staff: NewStaff, by: string): Promise<StaffRecord>;
  /** Every person of the site, oldest first. */
  staffOfSite(siteId: string): Promise<StaffRecord[]>;
  /** The person of the site with this id, or null. */
  staffById(siteId: string, staffId: string): Promise<StaffRecord | null>;
  /** The person whose set-up code this is, while it is unused and unexpired at `at`; else null. */
  staffBySetupCode(siteId: string, codeHash: string, at: number): Promise<StaffRecord | null>;
  /**
   * A new set-up code for the person, clearing their PIN (version + 1); audited as `by`'s
   * action whatever happens; null when there is no such person.
   */
  replaceSetupCode(
    siteId: string,
    staffId: string,
    code: SetupCode,
    at: number,
    by: string,
  ): Promise<StaffRecord | null>;
  /**
   * Sets the PIN of the person whose unused, unexpired set-up code this is and spends the
   * code (version + 1); null when no valid code matches.
   */
  setPinByCode(
    siteId: string,
    codeHash: string,
    pin: PinVerifier,
    at: number,
  ): Promise<StaffRecord | null>;
  /** Locks or unlocks (version + 1 on a change), audited as `by`'s; null when no such person. */
  setStaffLocked(
    siteId: string,
    staffId: string,
    locked: boolean,
    at: number,
    by: string,
  ): Promise<StaffRecord | null>;
}

/** The whole store, as the composition root opens it; parts take only the roles they use. */
export interface Store
  extends EventLog,
    Leases,
    AdminAccess,
    Devices,
    ConfigVersions,
    SiteData,
    Staff,
    SkmAnswers,
    Bookings,
    PersonalData {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * The store's epoch: a new one after every unclean stop or restore, so devices that
   * see it change re-pull from the start (ARCHITECTURE.md §4).
   */
  readonly epoch: string;
  /** Records a clean stop, so the next start keeps the epoch. */
  close(): Promise<void>;
}
