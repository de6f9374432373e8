/**
 * What a citizen screen must not show: the other language's texts beside its own (fixed
 * texts of the string tables and the config's names), or a staff badge over a button.
 * The language switch (a control named in the other language, `lang` set) is allowed.
 */
import type { Page } from 'playwright-core';
import type { ConfigBundle, Language, LocalText } from '../../../src/domain/config/schema';
import { STRINGS_ID } from '../../../src/domain/i18n/strings';
import { STRINGS_EN } from '../../../src/domain/i18n/strings-en';
import { PAGES_ID } from '../../../src/domain/i18n/strings-pages';
import { RARE_EN, RARE_ID } from '../../../src/domain/i18n/strings-rare';

type Table = Readonly<Record<string, string>>;

/** Every LocalText of a config, found by shape. */
function localTexts(value: unknown, found: LocalText[] = []): LocalText[] {
  if (Array.isArray(value)) for (const item of value) localTexts(item, found);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.en === 'string') {
      found.push({ id: record.id, en: record.en });
    }
    for (const item of Object.values(record)) localTexts(item, found);
  }
  return found;
}

/** The fixed part of a template before its first placeholder, or the whole text. */
const fixedPart = (text: string) => text.split('{')[0]?.trim() ?? '';

/**
 * Texts that belong to `lang` only: its table's texts (and each template's fixed start)
 * and its config forms, none found in the other language's, long enough to be telling.
 */
export function textsOnlyIn(lang: Language, config: ConfigBundle): string[] {
  const tables: Record<Language, Table[]> = {
    id: [STRINGS_ID, RARE_ID, PAGES_ID],
    en: [STRINGS_EN, RARE_EN],
  };
  const other: Language = lang === 'id' ? 'en' : 'id';
  const keys = [...Object.keys(STRINGS_EN), ...Object.keys(RARE_EN)];
  const own: string[] = [];
  const theirs: string[] = [];
  for (const key of keys) {
    const mine = tables[lang].find((table) => key in table)?.[key];
    const their = tables[other].find((table) => key in table)?.[key];
    if (mine && their && mine !== their) {
      own.push(fixedPart(mine));
      theirs.push(fixedPart(their));
    }
  }
  for (const text of localTexts(config)) {
    if (text.en === undefined || text.en === text.id) continue;
    own.push(text[lang] ?? text.id);
    theirs.push(text[other] ?? text.id);
  }
  const theirText = theirs.join('\n').toLowerCase();
  return [...new Set(own)].filter(
    (text) => text.length >= 8 && !theirText.includes(text.toLowerCase()),
  );
}

/**
 * Texts of `otherTexts` on the visible screen, and elements marked in another language
 * than the page's: none may show but the language switch (a button with `lang`) and the
 * staff's sync badge (Indonesian, for staff).
 */
export function otherLanguageShown(page: Page, lang: Language, otherTexts: readonly string[]) {
  return page.evaluate(
    ({ lang, otherTexts }) => {
      const ignored = (el: Element) =>
        el.closest('.sync-badge, .sync-reenroll, .visually-hidden, [aria-hidden="true"]') !==
          null || el.closest('button')?.hasAttribute('lang') === true;
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const marked = [...document.querySelectorAll('body [lang]')]
        .filter((el) => el.getAttribute('lang') !== lang && !ignored(el) && visible(el))
        .map((el) => `[lang=${el.getAttribute('lang')}] ${(el.textContent ?? '').slice(0, 60)}`);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || ignored(parent) || !visible(parent)) continue;
        if (parent.closest('script, style, template')) continue;
        texts.push((node.textContent ?? '').toLowerCase());
      }
      // Addresses are no language's words ("…/pengaduan").
      const all = texts.join('\n').replace(/\S*(?:https?:\/\/|www\.|@|\.go\.id|\.co\.id)\S*/g, ' ');
      const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const found = otherTexts.filter((text) =>
        new RegExp(`(^|[^\\p{L}])${literal(text.toLowerCase())}($|[^\\p{L}])`, 'u').test(all),
      );
      return [...marked, ...found];
    },
    { lang, otherTexts },
  );
}

/**
 * Controls whose visible part the staff badge overlaps, by bounding box, at the screen's
 * scroll position now and scrolled to its end. On a kiosk the badge sits in an opaque
 * strip at the bottom edge: what scrolls under the strip is hidden as if below the screen,
 * so a control's visible part ends at the strip (which must be opaque and hold the badge).
 */
export async function badgeOverlaps(page: Page): Promise<string[]> {
  const overlaps = () =>
    page.evaluate(() => {
      const badge = document.querySelector('.sync-badge')?.getBoundingClientRect();
      if (!badge) return ['no badge'];
      const strip = document.querySelector('.sync-line');
      const stripBox = strip?.getBoundingClientRect();
      const opaque =
        strip !== null &&
        stripBox !== undefined &&
        stripBox.width >= window.innerWidth &&
        /^rgb\(/.test(getComputedStyle(strip).backgroundColor);
      const visibleEnd = opaque ? stripBox.top : window.innerHeight;
      const problems: string[] = [];
      if (opaque && badge.top < stripBox.top) problems.push('badge above its strip');
      const hit = (box: DOMRect) =>
        box.left < badge.right &&
        box.right > badge.left &&
        Math.max(box.top, 0) < badge.bottom &&
        Math.min(box.bottom, visibleEnd) > badge.top;
      const covered = [
        ...document.querySelectorAll('button, a[href], input, select, [role="button"]'),
      ]
        .filter((el) => !el.closest('.sync-badge'))
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && hit(box);
        })
        .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`);
      return [...problems, ...covered];
    });
  const atTop = await overlaps();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const atEnd = await overlaps();
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...new Set([...atTop, ...atEnd])];
}
