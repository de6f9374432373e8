/**
 * The wire contract between devices and the site server (ARCHITECTURE.md §4–5), version 1.
 * Types only — the validators live in ./protocol-schema.ts (server side, and the device's
 * sync code, which is not on a citizen's path).
 * Must: every endpoint but health and ticket status needs `Authorization: Bearer <token>`;
 * errors are `ApiError` with a 4xx status and change nothing.
 */
import type * as v from 'valibot';
import type { KioskEvent } from './events';
import type { DeviceHealth } from './protocol-schema';
import type { JourneyStepStatusSchema, TicketStatusSchema } from './status-schema';
import type { FlagReason, QuarantineReason } from './trust';

/** At most this many events per push request and per pull page. */
export const MAX_BATCH = 500;
/** Requests larger than this are refused before they are parsed (413). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Leases are granted for today and at most this many days ahead (a mobile unit's trip). */
export const MAX_LEASE_DAYS_AHEAD = 14;
/** At most this many numbers in one lease request line. */
export const MAX_LEASE_COUNT = 200;

/**
 * An event as the server stored it, with its place in the site's commit order and, when
 * the server flagged it (./trust.ts), why: an event flagged 'clock_ahead' is never a
 * clock source. Quarantined events are never sent.
 */
export type SyncedEvent = KioskEvent & { siteSeq: number; flags?: FlagReason[] };

/** POST /api/v1/sync/push — the device's events after its ackSeq, in deviceSeq order. */
export type PushRequest = { events: KioskEvent[] };
/**
 * `ackSeq` is the highest deviceSeq the server durably holds for this device. A device
 * whose own ack is higher finds the server went back in time and re-pushes from ackSeq.
 */
export type PushResponse = {
  ackSeq: number;
  accepted: number;
  /**
   * Accepted events the server flagged (./trust.ts: clock ahead, number outside the
   * device's leases, printed twice…): kept and counted, listed for an admin.
   */
  flagged: number;
  /** Accepted events kept out of what other devices and public pages see (./trust.ts). */
  quarantined: number;
  epoch: string;
  serverTime: number;
};

/**
 * GET /api/v1/sync/pull?cursor=N&limit=M[&own=S] — events with siteSeq > cursor, in siteSeq
 * order, at most M; with `own`, the caller's own events with deviceSeq ≤ S are left out and
 * do not count towards M: the server reads on past them (up to 10,000 rows a page), so
 * after an offline day the device is not sent page after empty page of its own events.
 */
export type PullResponse = {
  /**
   * What the server holds for the calling device that the device must follow: its profile
   * (an admin may change it) and a test print an admin asked for (when; null: none).
   * Absent from servers before admins could change them.
   */
  device?: DeviceOrders;
  /**
   * The site's id now: pulled events carry it, also those a device made under a former id
   * before the site was renamed. Absent from servers before the rename existed.
   */
  siteId?: string;
  events: SyncedEvent[];
  /** The siteSeq of the last event of the page read (the new cursor), or the request's cursor. */
  cursor: number;
  /** The highest siteSeq on the server; a cursor above it means the server went back. */
  head: number;
  hasMore: boolean;
  epoch: string;
  serverTime: number;
};

/** The calling device's profile and pending test print, as a pull answer carries them. */
export type DeviceOrders = { profileId: string; testPrintAt: number | null };

/** POST /api/v1/sync/leases — number blocks and quota tokens, asked for in advance. */
export type LeaseRequest = {
  /** businessDay defaults to the server's current business day in the site's time zone. */
  numbers: { businessDay?: string; prefix: string; count: number }[];
  quotas: { businessDay?: string; serviceId: string; count: number }[];
};
/** A block of ticket numbers only this device may issue: start…end inclusive. */
export type NumberLease = { businessDay: string; prefix: string; start: number; end: number };
/** Quota tokens: this device may issue `count` more tickets of the service that day. */
export type QuotaGrant = {
  businessDay: string;
  serviceId: string;
  count: number;
  /** Tokens of that day's quota not yet granted to any device. */
  remaining: number;
};
export type LeaseResponse = {
  /** The server's current business day in the site's time zone. */
  businessDay: string;
  /**
   * One block per number line granted; a line that cannot be granted (the queue's numbers
   * of that day are used up, or the device holds its share: `deviceShare`) is left out.
   */
  numbers: NumberLease[];
  quotas: QuotaGrant[];
  epoch: string;
  serverTime: number;
};

/** POST /api/v1/enroll — a device joins the site once, with a one-time code (no token). */
export type EnrollRequest = { code: string; deviceId: string; name: string; profileId: string };
export type EnrollResponse = {
  token: string;
  deviceId: string;
  siteId: string;
  /** The letter(s) of this device's own emergency number namespace (A-K001). */
  emergencyTag: string;
  epoch: string;
  serverTime: number;
};

/**
 * POST /api/v1/bootstrap — an admin, with the code the server printed (no token): the first
 * one, or a new one when no admin holds a valid token any more (the way back).
 */
export type BootstrapRequest = { code: string; name: string };
/** A new admin, or a renewed admin's new token: the token is shown this once only. */
export type NewAdminTokenResponse = {
  adminId: string;
  tokenId: string;
  token: string;
  expiresAt: number;
};
export type BootstrapResponse = NewAdminTokenResponse;
/** POST /api/v1/admin/admins — another admin, with its first token (admin token). */
export type CreateAdminResponse = NewAdminTokenResponse;

/** GET /api/v1/admin/tokens — every admin token; never the token itself nor its hash. */
export type AdminTokenSummary = {
  tokenId: string;
  adminId: string;
  adminName: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/**
 * What a reviewer found of a flagged event: `expected` — nothing wrong (a clock that was
 * ahead, numbers after a restore); `handled` — something was wrong and was dealt with (the
 * device's clock set, the device revoked, the citizen helped).
 */
export const FLAG_RESOLUTIONS = ['expected', 'handled'] as const;
export type FlagResolution = (typeof FLAG_RESOLUTIONS)[number];
/** A flagged event's review. */
export type FlagReview = { at: number; adminId: string; resolution: FlagResolution };
/**
 * GET /api/v1/admin/flagged — flagged or quarantined events, oldest first, each with its
 * review (null until reviewed); `next` is the `after` of the next page, null on the last.
 */
export type FlaggedPage = {
  flagged: {
    eventId: string;
    deviceId: string;
    siteSeq: number;
    businessDay: string;
    driftMs: number;
    reasons: (FlagReason | QuarantineReason)[];
    quarantined: boolean;
    review: FlagReview | null;
  }[];
  next: number | null;
};

/** What an admin did, as the audit log names it. */
export type AuditAction =
  | 'bootstrap'
  | 'enrollment.create'
  | 'device.revoke'
  | 'device.reenroll'
  | 'device.profile'
  | 'device.test-print'
  | 'admin.create'
  | 'token.renew'
  | 'token.revoke'
  | 'devices.read'
  | 'flagged.read'
  | 'tokens.read'
  | 'audit.read'
  | 'staff.create'
  | 'staff.setup-code'
  | 'staff.lock'
  | 'staff.unlock'
  | 'staff.read'
  | 'visit.write'
  | 'visit.delete'
  | 'visits.read'
  | 'session.start'
  | 'session.end'
  | 'flagged.review'
  | 'skm.read'
  | 'reports.read'
  | 'config.read'
  | 'config.restore'
  | 'catalogue.import'
  | 'bookings.import'
  | 'bookings.read'
  | 'catalogue.edit';
/**
 * One admin action: who, what, when, how it ended ('ok' or the error code it got).
 * Never a code, token, hash, name or other personal data.
 */
export type AuditEntry = {
  /** Numbered in commit order; page with `before`. */
  seq: number;
  at: number;
  adminId: string;
  action: AuditAction;
  targetId: string | null;
  outcome: string;
};
/** GET /api/v1/admin/audit?before=&limit= — newest first; `next` is the `before` of the next page. */
export type AuditPage = { entries: AuditEntry[]; next: number | null };

/** POST /api/v1/admin/enrollments — a one-time enrollment code (admin token). */
export type CreateEnrollmentRequest = { label?: string; ttlMinutes?: number };
export type CreateEnrollmentResponse = { code: string; expiresAt: number };

/** GET /api/v1/admin/devices — enrolled devices (admin token). */
export type DeviceSummary = {
  deviceId: string;
  name: string;
  profileId: string;
  emergencyTag: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  lastSeq: number;
  /** A test print an admin asked for and the device has not reported yet (when asked). */
  testPrintAt: number | null;
  /** When a new enrollment code last took the device back after a revocation. */
  reenrolledAt: number | null;
};

/** GET /api/v1/admin/devices — a device with its last health report, when it sent one. */
export type AdminDeviceSummary = DeviceSummary & {
  health: DeviceHealth | null;
  healthAt: number | null;
};

/** GET /api/v1/tickets/:id — a ticket's status for the citizen's phone (./status-schema.ts). */
export type TicketStatus = v.InferOutput<typeof TicketStatusSchema>;
/** One step of a ticket's journey, as the phone page lists it. */
export type JourneyStepStatus = v.InferOutput<typeof JourneyStepStatusSchema>;

/** Every 4xx/5xx answer. `code` is stable for programs, `message` is for people. */
export type ApiError = {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  /** On a push gap: the server's last deviceSeq for the device. */
  ackSeq?: number;
  /** On 429 too_many_attempts: seconds to wait (also the Retry-After header). */
  retryAfterSeconds?: number;
};

/** GET /api/v1/sync/stream — server-sent events; `poke` means "there is something to pull". */
export type StreamMessage = { type: 'poke'; head: number } | { type: 'hello'; epoch: string };
