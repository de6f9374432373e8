/**
 * The secrets of the site: bearer tokens and one-time codes. Only their sha256 hashes are
 * stored, so a copy of the database lets nobody act as a device or an admin.
 * Must: tokens carry ≥ 256 random bits; codes come from an alphabet without look-alikes
 * (no 0/O, 1/I/L) and are compared after normalising what a person typed.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in an enrollment code (XXXX-XXXX: ~40 bits, valid for hours, used once). */
export const ENROLLMENT_CODE_LENGTH = 8;
/** Characters in the bootstrap code (XXXX-XXXX-XXXX: ~59 bits, it makes the first admin). */
export const BOOTSTRAP_CODE_LENGTH = 12;

/** A fresh bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token or code: sha256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A fresh one-time code of `length` characters, grouped by four: "K7QF-M2XD". */
export function newCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A typed code as stored: capitals, without spaces or dashes ("k7qf m2xd" → "K7QFM2XD"). */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored hash of a code as a person typed or printed it. */
export function hashCode(typed: string): string {
  return hashSecret(normalizeCode(typed));
}
