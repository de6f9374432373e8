/**
 * The admin screens' words, Indonesian first (KBBI: antrean, silakan, nomor) and English.
 * Their own table: no citizen screen carries them.
 */
export type AdminLanguage = 'id' | 'en';

import { ADMIN_TEXT_EN } from './text-en';
import { ADMIN_TEXT_ID } from './text-id';

/** Every key in both languages (./text-id.ts and ./text-en.ts). */
export const ADMIN_TEXT = { id: ADMIN_TEXT_ID, en: ADMIN_TEXT_EN } as const satisfies Record<
  AdminLanguage,
  Record<string, string>
>;

export type AdminTextKey = keyof (typeof ADMIN_TEXT)['id'];

// Every key in both languages.
const _sameKeys: Record<keyof (typeof ADMIN_TEXT)['en'], string> = ADMIN_TEXT.id;
void _sameKeys;

/** A text in `lang`, with its {placeholders} filled. */
export function at(
  lang: AdminLanguage,
  key: AdminTextKey,
  values: Record<string, string | number> = {},
): string {
  return ADMIN_TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}
