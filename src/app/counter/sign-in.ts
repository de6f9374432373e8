/**
 * Staff sign-in on a counter: the PIN checked against the cached PBKDF2 verifier, then its
 * outcome reported (./sign-in-reports.ts); the site's standing decides, this device's own
 * count while the server is silent. README, "Staff and PINs".
 * Must: no PIN leaves the device but in the set-PIN call; a failure is durable before it shows.
 */
import {
  PIN_FREE_FAILURES,
  pinLockoutMs,
  type SignInReportResponse,
  type StaffVerifier,
} from '../../domain/staff';
import type { AnjunganDatabase } from '../../storage/db';
import { readPinFailures, saveOneStaff, saveStaff, updatePinFailures } from '../../storage/staff';
import type { StaffClient } from '../../sync/staff-client';
import { TransportError } from '../../sync/transport';

export type SignInResult =
  | { ok: true; staff: StaffVerifier }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }
  | { ok: false; reason: 'blocked' | 'no-pin' };

/**
 * Reports one checked PIN to the site server: the person's standing on the site, or null
 * when the server does not answer in time (this device's own count decides then).
 */
export type ReportSignIn = (staffId: string, ok: boolean) => Promise<SignInReportResponse | null>;

/** How long a sign-in waits for the server's answer before it decides on its own. */
export const SIGN_IN_REPORT_TIMEOUT_MS = 3_000;

/** Checks `pin` for `person`: on this device, then with the site when `report` answers. */
export async function signIn(
  db: AnjunganDatabase,
  person: StaffVerifier,
  pin: string,
  now: number,
  report?: ReportSignIn,
): Promise<SignInResult> {
  if (person.locked) return { ok: false, reason: 'blocked' };
  if (person.pin === null) return { ok: false, reason: 'no-pin' };
  const record = (await readPinFailures(db))[person.staffId];
  if (record && record.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfterMs: record.lockedUntil - now };
  }
  const matched = await pinMatches(pin, person.pin);
  const site = report ? await report(person.staffId, matched) : null;
  if (site !== null && site.lockedForMs > 0) {
    // Locked on the site: kept here too, so it holds while the server is down.
    const lockedUntil = now + site.lockedForMs;
    await updatePinFailures(db, person.staffId, (r) => ({
      ...r,
      lockedUntil: Math.max(r.lockedUntil, lockedUntil),
    }));
    return { ok: false, reason: 'locked', retryAfterMs: site.lockedForMs };
  }
  if (matched) {
    await updatePinFailures(db, person.staffId, () => null);
    return { ok: true, staff: person };
  }
  const next = await updatePinFailures(db, person.staffId, (r) => {
    const failures = r.failures + 1;
    if (failures < PIN_FREE_FAILURES) return { ...r, failures };
    // Locked; after a lockout every further failure locks again, each time twice as long.
    return {
      failures: PIN_FREE_FAILURES - 1,
      lockouts: r.lockouts + 1,
      lockedUntil: now + pinLockoutMs(r.lockouts),
    };
  });
  if (next && next.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfterMs: next.lockedUntil - now };
  }
  const here = PIN_FREE_FAILURES - (next?.failures ?? 0);
  return { ok: false, reason: 'wrong', triesLeft: Math.min(here, site?.triesLeft ?? here) };
}

/** Whether `pin` derives the verifier's hash (PBKDF2-HMAC-SHA256, its own salt and count). */
export async function pinMatches(
  pin: string,
  verifier: NonNullable<StaffVerifier['pin']>,
): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: fromBase64Url(verifier.salt),
      iterations: verifier.iterations,
    },
    key,
    256,
  );
  return sameBytes(new Uint8Array(bits), fromBase64Url(verifier.hash));
}

/** Fetches the verifiers of the staff allowed on this device and caches them. */
export async function refreshStaff(
  db: AnjunganDatabase,
  client: StaffClient,
  now: number,
  signal: AbortSignal = new AbortController().signal,
): Promise<StaffVerifier[]> {
  const { staff } = await client.list(signal);
  await saveStaff(db, staff, now);
  return staff;
}

/** Why setting a first PIN failed, in both languages. */
export type SetPinFailure = { id: string; en: string };

/** First sign-in: sets the PIN with an admin's set-up code (online), caches the verifier. */
export async function setFirstPin(
  db: AnjunganDatabase,
  client: StaffClient,
  setupCode: string,
  pin: string,
): Promise<StaffVerifier> {
  let staff: StaffVerifier;
  try {
    ({ staff } = await client.setPin({ setupCode, pin }, new AbortController().signal));
  } catch (error) {
    throw setPinFailure(error);
  }
  await saveOneStaff(db, staff);
  return staff;
}

/** What staff are told when a first PIN was not set. */
function setPinFailure(error: unknown): SetPinFailure {
  if (!(error instanceof TransportError) || error.kind === 'offline') {
    return failure(
      'Server tidak terjangkau: PIN pertama hanya dapat dibuat saat server menjawab.',
      'The server cannot be reached: a first PIN needs the server.',
    );
  }
  if (error.status === 401) {
    return failure(
      'Kode set-up salah, sudah dipakai, atau kedaluwarsa. Minta kode baru ke admin.',
      'The set-up code is wrong, used or expired. Ask an admin for a new one.',
    );
  }
  if (error.status === 429) {
    return failure(
      'Terlalu banyak percobaan. Coba lagi nanti.',
      'Too many attempts. Try again later.',
    );
  }
  const body = error.body as { message?: unknown } | null;
  const message = typeof body?.message === 'string' ? body.message : 'PIN ditolak.';
  return failure(message, 'The PIN was refused.');
}

function failure(id: string, en: string): SetPinFailure {
  return { id, en };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compares without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
