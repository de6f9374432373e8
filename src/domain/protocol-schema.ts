/**
 * Validators for every request of the wire protocol (./protocol.ts): bodies and query
 * strings as they arrive from outside, for the site server and the device's sync code.
 * Must:
 * - accept exactly what ./protocol.ts describes, within its limits, and nothing else;
 * - never throw: `parseRequest` answers issues with a JSON path and a message;
 * - refuse control characters in free text (PostgreSQL refuses NUL in text and jsonb).
 */
import * as v from 'valibot';
import { jsonPath, type PathSegment } from './config/issues';
import { parseEvent } from './event-schema';
import type { KioskEvent } from './events';
import { isUuid } from './ids';
import {
  type BootstrapRequest,
  type CreateEnrollmentRequest,
  type EnrollRequest,
  FLAG_RESOLUTIONS,
  type LeaseRequest,
  MAX_BATCH,
  MAX_LEASE_COUNT,
} from './protocol';
import {
  MAX_SKM_SUGGESTION,
  profileOptions,
  type SkmAnswerRequest,
  type SkmProfileField,
} from './skm-respondent';
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

/** At most this many lines in each list of a lease request (15 days × many queues). */
export const MAX_LEASE_LINES = 256;
/** Enrollment codes live one day unless the admin says otherwise, and at most a week. */
export const DEFAULT_ENROLLMENT_TTL_MINUTES = 24 * 60;
export const MAX_ENROLLMENT_TTL_MINUTES = 7 * 24 * 60;

/** One problem in a request: a JSON path (`$.events[3].data.number`) and what is wrong. */
export type RequestIssue = { path: string; message: string };
/** A parsed request, or every issue found in it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: RequestIssue[] };

/** Whether 'YYYY-MM-DD' names a real day of the Gregorian calendar (no 2025-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return (
    utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date
  );
}

/** Whether a string holds no C0/C1 control character (NUL, newline, escape…). */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}

const plainText = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check(isPlainText, 'must not contain control characters'),
  );
const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug'),
  v.maxLength(64),
);
const queuePrefix = v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/, 'must be 1–3 capital letters'));
const businessDay = v.pipe(v.string(), v.check(isCalendarDay, 'must be a calendar day YYYY-MM-DD'));
const leaseCount = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_LEASE_COUNT, `must be at most ${MAX_LEASE_COUNT}`),
);
/** A one-time code as typed by a person: letters, digits, spaces and dashes. */
const typedCode = v.pipe(
  v.string(),
  v.maxLength(64, 'is too long'),
  v.regex(/^[A-Za-z0-9 -]+$/, 'must be letters and digits'),
);

/**
 * A request body: a JSON object with exactly these fields. valibot's object schemas also
 * take arrays (typeof [] is 'object'), so `[]` would pass for a body whose fields are all
 * optional; the check in front refuses it.
 */
const body = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'must be a JSON object',
    ),
    v.strictObject(entries),
  );

/** A non-negative integer in a query string ("0", "42"), within the safe integer range. */
const queryInteger = (fallback: string, min: number, max: number) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.regex(/^\d{1,16}$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** POST /sync/push: the envelope of the batch; each event is then checked by `parseEvent`. */
export const PushRequestSchema = body({
  events: v.pipe(
    v.array(v.unknown()),
    v.maxLength(MAX_BATCH, `at most ${MAX_BATCH} events per request`),
  ),
});

/** GET /sync/pull?cursor&limit: cursor defaults to 0, limit to MAX_BATCH; other keys ignored. */
export const PullQuerySchema = v.object({
  cursor: queryInteger('0', 0, Number.MAX_SAFE_INTEGER),
  limit: queryInteger(String(MAX_BATCH), 1, MAX_BATCH),
  /** The caller holds its own events through this deviceSeq: the page leaves them out. */
  own: queryInteger('0', 0, Number.MAX_SAFE_INTEGER),
});

const lines = <T extends v.GenericSchema>(line: T) =>
  v.optional(v.pipe(v.array(line), v.maxLength(MAX_LEASE_LINES)), () => []);

/** POST /sync/leases. */
export const LeaseRequestSchema = body({
  numbers: lines(
    v.strictObject({
      businessDay: v.optional(businessDay),
      prefix: queuePrefix,
      count: leaseCount,
    }),
  ),
  quotas: lines(
    v.strictObject({ businessDay: v.optional(businessDay), serviceId: slug, count: leaseCount }),
  ),
}) satisfies v.GenericSchema<unknown, LeaseRequest>;

/** POST /enroll. */
export const EnrollRequestSchema = body({
  code: typedCode,
  deviceId: v.pipe(v.string(), v.uuid('must be a UUID')),
  name: plainText(64),
  profileId: slug,
}) satisfies v.GenericSchema<unknown, EnrollRequest>;

/** POST /admin/devices/:id/profile: a profile of the active config (checked by the route). */
export const DeviceProfileRequestSchema = body({ profileId: slug });

/** POST /bootstrap. */
export const BootstrapRequestSchema = body({
  code: typedCode,
  name: plainText(64),
}) satisfies v.GenericSchema<unknown, BootstrapRequest>;

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

/** POST /tickets/:id/skm: nine scores of 1–4, then optional profile choices and a suggestion. */
const skmScore = v.picklist([1, 2, 3, 4] as const, 'must be 1, 2, 3 or 4');
const profileField = <F extends SkmProfileField>(field: F) =>
  v.optional(
    v.picklist(profileOptions(field), `must be one of ${profileOptions(field).join(', ')}`),
  );
export const SkmAnswerRequestSchema = body({
  answers: v.tuple(
    [skmScore, skmScore, skmScore, skmScore, skmScore, skmScore, skmScore, skmScore, skmScore],
    'must be nine scores',
  ),
  ageBand: profileField('ageBand'),
  sex: profileField('sex'),
  education: profileField('education'),
  occupation: profileField('occupation'),
  suggestion: v.optional(plainText(MAX_SKM_SUGGESTION)),
}) satisfies v.GenericSchema<unknown, SkmAnswerRequest>;

/** How a test print an admin asked for went: out, not out (with why), or no printer to ask. */
export const TEST_PRINT_OUTCOMES = ['printed', 'failed', 'no_printer'] as const;

/** Bytes, or null where the browser does not say. */
const bytesOrNull = v.nullable(
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 53 - 1)),
);

/**
 * POST /sync/health: how a device stands, for the admin's device list — its build and
 * config, what waits to be sent and since when, its storage (used, offered, persistent)
 * and the last sync error it saw. Bounded: a device cannot fill a row.
 */
export const DeviceHealthSchema = body({
  app: v.pipe(v.string(), v.maxLength(40)),
  config: v.pipe(v.string(), v.maxLength(80)),
  pending: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  oldestPendingAt: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  storage: v.strictObject({
    usage: bytesOrNull,
    quota: bytesOrNull,
    persisted: v.nullable(v.boolean()),
  }),
  lastError: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  /** How the last test print an admin asked for went (absent from older devices). */
  testPrint: v.optional(
    v.nullable(
      v.strictObject({
        askedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
        outcome: v.picklist(TEST_PRINT_OUTCOMES),
        reason: v.nullable(v.pipe(v.string(), v.maxLength(200))),
        at: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
  ),
});
export type DeviceHealth = v.InferOutput<typeof DeviceHealthSchema>;

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

/** Runs a schema over untrusted input; never throws. */
export function parseRequest<T extends v.GenericSchema>(
  schema: T,
  input: unknown,
): Parsed<v.InferOutput<T>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: result.issues.map(toRequestIssue) };
}

/** A push body: the batch envelope, then every event through `parseEvent`. */
export function parsePushRequest(input: unknown): Parsed<{ events: KioskEvent[] }> {
  const batch = parseRequest(PushRequestSchema, input);
  if (!batch.ok) return batch;
  const events: KioskEvent[] = [];
  const issues: RequestIssue[] = [];
  batch.value.events.forEach((raw, i) => {
    const parsed = parseEvent(raw);
    if (parsed.ok) events.push(parsed.event);
    else issues.push(...parsed.issues.map((issue) => eventIssue(i, issue)));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { events } };
}

function eventIssue(index: number, issue: { path: string; message: string }): RequestIssue {
  // parseEvent writes paths as ".data.missing.0"; ours are JSON paths.
  const segments = issue.path
    .split('.')
    .filter((s) => s !== '')
    .map((s): PathSegment => (/^\d+$/.test(s) ? Number(s) : s));
  return { path: jsonPath('events', index, ...segments), message: issue.message };
}

function toRequestIssue(issue: v.BaseIssue<unknown>): RequestIssue {
  const segments = (issue.path ?? []).map((item): PathSegment => {
    const key = item.key;
    return typeof key === 'number' ? key : String(key);
  });
  return { path: jsonPath(...segments), message: issue.message };
}
