/**
 * Validators for the admins' and staff's requests (./protocol.ts, ./staff.ts): enrollment
 * codes, admins and tokens, staff and PINs, the audit log, flagged events, SKM reports.
 */
import * as v from 'valibot';
import { isUuid } from './ids';
import { type CreateEnrollmentRequest, FLAG_RESOLUTIONS } from './protocol';
import { body, businessDay, plainText, queryInteger, slug, typedCode } from './request-fields';
import {
  type AdminSignInRequest,
  type CreateStaffRequest,
  type LockStaffRequest,
  MAX_PIN_DIGITS,
  MAX_STAFF_AGENCIES,
  MAX_STAFF_NAME,
  type SetPinRequest,
  type SignInReportRequest,
  STAFF_ROLES,
} from './staff';

/** Enrollment codes live one day unless the admin says otherwise, and at most a week. */
export const DEFAULT_ENROLLMENT_TTL_MINUTES = 24 * 60;
export const MAX_ENROLLMENT_TTL_MINUTES = 7 * 24 * 60;

/** POST /admin/devices/:id/profile: a profile of the active config (checked by the route). */
export const DeviceProfileRequestSchema = body({ profileId: slug });

/** POST /admin/enrollments (an empty body is `{}`). */
export const CreateEnrollmentRequestSchema = body({
  label: v.optional(plainText(64)),
  ttlMinutes: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ENROLLMENT_TTL_MINUTES)),
  ),
}) satisfies v.GenericSchema<unknown, CreateEnrollmentRequest>;

/** POST /admin/admins. */
export const CreateAdminRequestSchema = body({ name: plainText(64) });
export type CreateAdminRequest = v.InferOutput<typeof CreateAdminRequestSchema>;

/** POST /admin/tokens (a renewal: the calling admin's new token); the body is empty or `{}`. */
export const RenewTokenRequestSchema = body({});

/** POST /admin/staff: a person, their role and the agencies whose tickets they call. */
export const CreateStaffRequestSchema = body({
  name: plainText(MAX_STAFF_NAME),
  role: v.picklist(STAFF_ROLES, `must be one of ${STAFF_ROLES.join(', ')}`),
  agencies: v.pipe(
    v.array(slug),
    v.minLength(1, 'must name at least one agency'),
    v.maxLength(MAX_STAFF_AGENCIES, `must name at most ${MAX_STAFF_AGENCIES} agencies`),
    v.check((ids) => new Set(ids).size === ids.length, 'must not name an agency twice'),
  ),
}) satisfies v.GenericSchema<unknown, CreateStaffRequest>;

/**
 * POST /admin/sign-in. The PIN is only bounded here: a wrong one is a wrong sign-in,
 * whatever its shape.
 */
export const AdminSignInRequestSchema = body({
  name: plainText(MAX_STAFF_NAME),
  pin: v.pipe(v.string(), v.maxLength(MAX_PIN_DIGITS, `must be at most ${MAX_PIN_DIGITS} digits`)),
}) satisfies v.GenericSchema<unknown, AdminSignInRequest>;

/** POST /admin/staff/:id/setup-code: the body is empty or `{}`. */
export const SetupCodeRequestSchema = body({});

/** POST /admin/staff/:id/lock. */
export const LockStaffRequestSchema = body({
  locked: v.boolean(),
}) satisfies v.GenericSchema<unknown, LockStaffRequest>;

/**
 * POST /staff/pin. The PIN is only bounded here: `pinIssue` (./staff.ts) then says, in the
 * person's words, what is wrong with it.
 */
export const SetPinRequestSchema = body({
  setupCode: typedCode,
  pin: v.pipe(v.string(), v.maxLength(4 * MAX_PIN_DIGITS, 'is too long')),
}) satisfies v.GenericSchema<unknown, SetPinRequest>;

/** POST /staff/sign-in: the outcome of one PIN a counter checked. */
export const SignInReportRequestSchema = body({
  staffId: v.pipe(v.string(), v.check(isUuid, 'must be a staff id (UUID)')),
  ok: v.boolean(),
}) satisfies v.GenericSchema<unknown, SignInReportRequest>;

/** Audit entries per page by default, and at most. */
export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

/** GET /admin/audit?before&limit: before an entry's seq (newest when absent); other keys ignored. */
export const AuditQuerySchema = v.object({
  before: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,16}$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(Number.MAX_SAFE_INTEGER),
    ),
  ),
  limit: queryInteger(String(DEFAULT_AUDIT_PAGE), 1, MAX_AUDIT_PAGE),
});
export type AuditQuery = v.InferOutput<typeof AuditQuerySchema>;

export const MAX_FLAGGED_PAGE = 500;

/** GET /admin/flagged?after=&limit= — the flagged events after siteSeq `after`, oldest first. */
export const FlaggedQuerySchema = v.object({
  after: queryInteger('0', 0, Number.MAX_SAFE_INTEGER),
  limit: queryInteger(String(MAX_FLAGGED_PAGE), 1, MAX_FLAGGED_PAGE),
  /** `open=1`: only the events nobody reviewed yet. */
  open: v.optional(v.picklist(['0', '1'], "must be '0' or '1'"), '0'),
});

/** The longest period an SKM report covers: a year (the regulation asks for one a year). */
export const MAX_SKM_DAYS = 366;

/** GET /admin/skm?from=&to=[&format=csv]: a period of days, `from` first. */
export const SkmQuerySchema = v.pipe(
  v.object({
    from: businessDay,
    to: businessDay,
    format: v.optional(v.picklist(['json', 'csv'], "must be 'json' or 'csv'"), 'json'),
  }),
  v.forward(
    v.check((q) => q.from <= q.to, 'must not be after `to`'),
    ['from'],
  ),
);

/** POST /admin/flagged/:eventId/review. */
export const FlagReviewRequestSchema = body({
  resolution: v.picklist(FLAG_RESOLUTIONS, `must be one of ${FLAG_RESOLUTIONS.join(', ')}`),
});
