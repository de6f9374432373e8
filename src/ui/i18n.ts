/** Loads a language's string table on first use (English is not in the kiosk's first load). */
import type { Language } from '../domain/config/schema';
import { hasStrings, registerStrings } from '../domain/i18n/strings';

/** Resolves once t() answers in `lang`. */
export async function ensureStrings(lang: Language): Promise<void> {
  if (hasStrings(lang)) return;
  const { STRINGS_EN } = await import('../domain/i18n/strings-en');
  registerStrings('en', STRINGS_EN);
}
