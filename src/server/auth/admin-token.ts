/**
 * A new admin token: the secret shown once, and the record the store keeps (its hash and
 * expiry). Made in one place for the bootstrap, a new admin and a renewal.
 */
import { randomUUID } from 'node:crypto';
import type { NewAdminTokenResponse } from '../../domain/protocol';
import type { NewAdminToken } from '../store/admin-tokens';
import { hashSecret, newToken } from './secrets';

/** A new admin token's lifetime unless ADMIN_TOKEN_TTL_DAYS says otherwise. */
export const DEFAULT_ADMIN_TOKEN_TTL_DAYS = 30;

/** A fresh token of `adminId` made at `at`, valid for `ttlMs`. */
export function newAdminToken(
  adminId: string,
  at: number,
  ttlMs: number,
): { record: NewAdminToken; answer: NewAdminTokenResponse } {
  const token = newToken();
  const tokenId = randomUUID();
  const expiresAt = at + ttlMs;
  const record = { tokenId, tokenHash: hashSecret(token), createdAt: at, expiresAt };
  return { record, answer: { adminId, tokenId, token, expiresAt } };
}
