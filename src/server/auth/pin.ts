/**
 * A staff PIN's verifier (src/domain/staff.ts, PIN_KDF): PBKDF2-HMAC-SHA256 over the PIN's
 * UTF-8 bytes with a fresh random salt, as the counter checks it offline with WebCrypto
 * (`deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)`).
 * Must: a PIN is checked by `pinIssue` before it is hashed; hashing runs on the thread pool
 * (async `pbkdf2`, never `pbkdf2Sync`); salt and key are base64url; no PIN is ever logged.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { PIN_KDF, pinIssue } from '../../domain/staff';
import type { PinVerifier } from '../store/staff';

const derive = promisify(pbkdf2);

/** Node's name of each WebCrypto hash PIN_KDF may name. */
const NODE_DIGEST = { 'SHA-256': 'sha256' } as const satisfies Record<typeof PIN_KDF.hash, string>;

/** The PIN's key under `salt` (base64url) with `iterations`, as base64url. */
async function pinKey(pin: string, salt: string, iterations: number): Promise<string> {
  const key = await derive(
    Buffer.from(pin, 'utf8'),
    Buffer.from(salt, 'base64url'),
    iterations,
    PIN_KDF.keyBytes,
    NODE_DIGEST[PIN_KDF.hash],
  );
  return key.toString('base64url');
}

/** A new verifier of `pin` with a fresh salt; throws when `pinIssue` refuses the PIN. */
export async function pinVerifier(pin: string): Promise<PinVerifier> {
  if (pinIssue(pin) !== null) throw new Error('A PIN refused by pinIssue may not be hashed');
  const salt = randomBytes(PIN_KDF.saltBytes).toString('base64url');
  const iterations = PIN_KDF.iterations;
  return { salt, hash: await pinKey(pin, salt, iterations), iterations };
}

/** Whether `pin` is the one `verifier` was made of (compared in constant time). */
export async function pinMatches(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64url');
  const actual = Buffer.from(await pinKey(pin, verifier.salt, verifier.iterations), 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
