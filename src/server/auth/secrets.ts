/**
 * The site's secrets, stored only as hashes: bearer tokens (256 random bits) as sha256;
 * one-time codes, short enough to type, as HMAC-SHA256 under the secret key kept outside
 * the database (./secret-key.ts), so a copied database cannot test guesses offline.
 * Must: codes use an alphabet without look-alikes and are compared as normalised.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in an enrollment code (XXXXX-XXXXX: 49.5 bits, valid ≤ 7 days; README). */
export const ENROLLMENT_CODE_LENGTH = 10;
/** Characters in the bootstrap code (XXXX-XXXX-XXXX: 59.5 bits, it makes an admin). */
export const BOOTSTRAP_CODE_LENGTH = 12;

/** A fresh bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a bearer token: sha256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * A fresh one-time code of `length` characters, in groups of four ("K7QF-M2XD-…"), or of
 * five when the length is a multiple of five and not of four ("K7QFM-2XDAB").
 */
export function newCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const group = length % 4 !== 0 && length % 5 === 0 ? 5 : 4;
  return code.match(new RegExp(`.{1,${group}}`, 'g'))?.join('-') ?? code;
}

/** A typed code as stored: capitals, without spaces or dashes ("k7qf m2xd" → "K7QFM2XD"). */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored hash of a code as a person typed or printed it: HMAC-SHA256 under `key`, hex. */
export function hashCode(typed: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(normalizeCode(typed), 'utf8').digest('hex');
}
