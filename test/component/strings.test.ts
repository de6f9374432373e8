/** The string table: both languages complete, Indonesian in KBBI spelling. */
import { describe, expect, it } from 'vitest';
import { hasStrings, STRINGS_ID, t } from '../../src/domain/i18n/strings';
import { STRINGS_EN } from '../../src/domain/i18n/strings-en';
import { PAGES_ID } from '../../src/domain/i18n/strings-pages';
import { RARE_EN, RARE_ID } from '../../src/domain/i18n/strings-rare';

/** The Indonesian texts: the first screens' and the rarer screens'. */
const ID = { ...STRINGS_ID, ...RARE_ID, ...PAGES_ID };
const STRINGS = { id: ID, en: { ...STRINGS_EN, ...RARE_EN } };

describe('STRINGS', () => {
  it('has every Indonesian key in English and no extra English key', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.id).sort());
  });

  it('has no empty string and the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(STRINGS.id) as (keyof typeof ID)[]) {
      expect(STRINGS.id[key].trim(), key).not.toBe('');
      expect(STRINGS.en[key].trim(), key).not.toBe('');
      expect(placeholders(STRINGS.en[key]), key).toEqual(placeholders(STRINGS.id[key]));
    }
  });

  it('uses KBBI spelling in Indonesian', () => {
    const nonStandard = /\b(antrian|silahkan|nomer|materai|ijin)\b/i;
    const offending = Object.entries(STRINGS.id).filter(([, text]) => nonStandard.test(text));
    expect(offending).toEqual([]);
  });

  it('answers in a language once its table is registered', () => {
    expect(hasStrings('id')).toBe(true);
    expect(hasStrings('en')).toBe(true);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('id', 'ticket.peopleAhead', { count: 5 })).toBe('Antrean di depan Anda: 5');
    expect(t('en', 'ticket.peopleAhead', { count: 5 })).toBe('People ahead of you: 5');
    expect(t('id', 'ticket.peopleAhead')).toBe('Antrean di depan Anda: {count}');
  });
});

describe('texts shown in both languages before English loads', () => {
  it('match the English table', async () => {
    const { STRINGS_EN } = await import('../../src/domain/i18n/strings-en');
    for (const key of ['boot.loading', 'boot.waitingConfig', 'outOfService.title'] as const) {
      expect(t('en', key)).toBe(STRINGS_EN[key]);
    }
  });
});
