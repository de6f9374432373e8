import type { Language, LocalText } from '../config/schema';

/** The text in `lang`: English when asked for and configured, otherwise Indonesian. */
export function localized(text: LocalText, lang: Language): string {
  return lang === 'en' && text.en !== undefined ? text.en : text.id;
}
