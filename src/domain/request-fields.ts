/**
 * The parts every request validator is built from (./protocol-schema.ts for the devices',
 * ./admin-schema.ts for the admins' and staff's): bounded fields, a JSON-object body, and
 * `parseRequest`, which never throws and answers issues with a JSON path and a message.
 */
import * as v from 'valibot';
import { jsonPath, type PathSegment } from './config/issues';

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

export const plainText = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check(isPlainText, 'must not contain control characters'),
  );
export const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug'),
  v.maxLength(64),
);
export const queuePrefix = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{1,3}$/, 'must be 1–3 capital letters'),
);
export const businessDay = v.pipe(
  v.string(),
  v.check(isCalendarDay, 'must be a calendar day YYYY-MM-DD'),
);
/** A one-time code as typed by a person: letters, digits, spaces and dashes. */
export const typedCode = v.pipe(
  v.string(),
  v.maxLength(64, 'is too long'),
  v.regex(/^[A-Za-z0-9 -]+$/, 'must be letters and digits'),
);

/**
 * A request body: a JSON object with exactly these fields. valibot's object schemas also
 * take arrays (typeof [] is 'object'), so `[]` would pass for a body whose fields are all
 * optional; the check in front refuses it.
 */
export const body = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'must be a JSON object',
    ),
    v.strictObject(entries),
  );

/** A non-negative integer in a query string ("0", "42"), within the safe integer range. */
export const queryInteger = (fallback: string, min: number, max: number) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.regex(/^\d{1,16}$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** Runs a schema over untrusted input; never throws. */
export function parseRequest<T extends v.GenericSchema>(
  schema: T,
  input: unknown,
): Parsed<v.InferOutput<T>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: result.issues.map(toRequestIssue) };
}

function toRequestIssue(issue: v.BaseIssue<unknown>): RequestIssue {
  const segments = (issue.path ?? []).map((item): PathSegment => {
    const key = item.key;
    return typeof key === 'number' ? key : String(key);
  });
  return { path: jsonPath(...segments), message: issue.message };
}
