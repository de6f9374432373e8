/**
 * The store's roles that say who may act (./store.ts composes them): admins, their tokens,
 * the bootstrap code and the audit log; staff of the site and their PINs.
 */
import type { AdminTokenSummary, AuditEntry } from '../../domain/protocol';
import type { NewAdminToken, RevokeTokenOutcome } from './admin-tokens';
import type { AuditInput } from './audit';
import type { AdminRecord } from './records';
import type { NewStaff, PinVerifier, SetupCode, StaffRecord } from './staff';

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
