/** Validation of the device setup form; messages in Indonesian for the staff member. */
import type { Profile } from '../../domain/config/schema';
import { t } from '../../domain/i18n/strings';

export type SetupValues = { name: string; profileId: string; slot: number };
export type SetupField = 'name' | 'profile' | 'slot';
export type SetupInput = { name: string; profileId: string; slot: string };

/** Profiles a kiosk device can run: the lobby kiosk and the mobile unit. */
export function deviceProfiles(profiles: readonly Profile[]): Profile[] {
  return profiles.filter((p) => p.surface === 'kiosk' || p.surface === 'mobile');
}

/** The values to submit, or the message of every invalid field. */
export function validateSetup(
  input: SetupInput,
  profiles: readonly Profile[],
): { ok: true; values: SetupValues } | { ok: false; errors: Partial<Record<SetupField, string>> } {
  const errors: Partial<Record<SetupField, string>> = {};
  const name = input.name.trim();
  if (name === '') errors.name = t('id', 'setup.errorName');
  if (!deviceProfiles(profiles).some((p) => p.id === input.profileId)) {
    errors.profile = t('id', 'setup.errorProfile');
  }
  const slotText = input.slot.trim();
  const slot = Number(slotText);
  if (!/^\d{1,2}$/.test(slotText) || slot < 1 || slot > 26)
    errors.slot = t('id', 'setup.errorSlot');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { name, profileId: input.profileId, slot } };
}
