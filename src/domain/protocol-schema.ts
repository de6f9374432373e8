/**
 * Validators for the devices' requests of the wire protocol (./protocol.ts): sync, leases,
 * enrollment, bootstrap, health and a citizen's SKM answers, as they arrive from outside.
 * Must: accept exactly what ./protocol.ts describes, within its limits, and nothing else;
 * refuse control characters in free text (PostgreSQL refuses NUL in text and jsonb).
 */
import * as v from 'valibot';
import { jsonPath, type PathSegment } from './config/issues';
import { parseEvent } from './event-schema';
import type { KioskEvent } from './events';
import {
  type BootstrapRequest,
  type EnrollRequest,
  type LeaseRequest,
  MAX_BATCH,
  MAX_LEASE_COUNT,
} from './protocol';
import {
  body,
  businessDay,
  type Parsed,
  parseRequest,
  plainText,
  queryInteger,
  queuePrefix,
  type RequestIssue,
  slug,
  typedCode,
} from './request-fields';
import {
  MAX_SKM_SUGGESTION,
  profileOptions,
  type SkmAnswerRequest,
  type SkmProfileField,
} from './skm-respondent';

/** At most this many lines in each list of a lease request (15 days × many queues). */
export const MAX_LEASE_LINES = 256;

const leaseCount = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_LEASE_COUNT, `must be at most ${MAX_LEASE_COUNT}`),
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

/** POST /bootstrap. */
export const BootstrapRequestSchema = body({
  code: typedCode,
  name: plainText(64),
}) satisfies v.GenericSchema<unknown, BootstrapRequest>;

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
