/** Validation of the device enrollment form; every message in Indonesian and English. */
import type { Profile } from '../../domain/config/schema';
import { SETUP_TEXT } from './setup-text';

export type SetupValues = { code: string; name: string; profileId: string };
export type SetupField = 'code' | 'name' | 'profile';
export type SetupInput = SetupValues;
export type SetupErrors = Partial<Record<SetupField, { id: string; en: string }>>;

/** "k7qm2 xhpab" → "K7QM2-XHPAB"; null when it is not 10 letters or digits. */
export function normalizeEnrollmentCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : null;
}

/** The values to submit, or the message of every invalid field. */
export function validateSetup(
  input: SetupInput,
  profiles: readonly Profile[],
): { ok: true; values: SetupValues } | { ok: false; errors: SetupErrors } {
  const errors: SetupErrors = {};
  const code = normalizeEnrollmentCode(input.code);
  if (code === null) errors.code = SETUP_TEXT.errorCode;
  const name = input.name.trim();
  if (name === '') errors.name = SETUP_TEXT.errorName;
  if (!profiles.some((p) => p.id === input.profileId)) {
    errors.profile = SETUP_TEXT.errorProfile;
  }
  if (code === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { code, name, profileId: input.profileId } };
}
