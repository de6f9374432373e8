/**
 * What the voice guidance reads from the page, as a screen reader would: the items of a
 * screen in order (its controls and its blocks of text), each control's accessible name,
 * role and state, and the name of the group or dialog it sits in.
 */
import type { Language } from '../../../domain/config/schema';
import { t } from '../../../domain/i18n/strings';

const CONTROLS =
  'button:not([disabled]), a[href], summary, input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const TEXTS = 'h1, h2, h3, p, li, dt, legend, figcaption, [role="img"][aria-label]';

/** Collapsed text, or '' for nothing. */
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text as laid out: blocks apart ("Jangka waktu: 15 menit. Biaya: Gratis"), not run together. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the one to say
const textOf = (el: Element) => clean((el as HTMLElement).innerText ?? el.textContent);

/** Drawn, not hidden from assistive technology, not inside a closed <details> (but its summary). */
const shown = (el: Element) =>
  el.getClientRects().length > 0 &&
  !el.closest('[aria-hidden="true"]') &&
  (el.tagName === 'SUMMARY' || !el.closest('details:not([open])'));

/** True for a control the citizen can choose or type in. */
export function isControl(el: Element | null): boolean {
  return el?.matches(CONTROLS) ?? false;
}

/**
 * The screen's items in reading order: every shown control, and every block of text that
 * holds neither a control nor another block (a `dd` is read with its `dt`).
 */
export function readingItems(root: Element): HTMLElement[] {
  // A block of text is read whole (a requirement's name with its notes), unless it holds a
  // control: then its inner blocks are read one by one around the control.
  const whole = (el: Element) =>
    el.matches(TEXTS) && !el.querySelector(CONTROLS) && !el.parentElement?.closest(CONTROLS);
  return [...root.querySelectorAll<HTMLElement>(`${CONTROLS}, ${TEXTS}`)].filter((el) => {
    if (!shown(el)) return false;
    if (isControl(el)) return true;
    const outer = el.parentElement?.closest(TEXTS);
    return whole(el) && !(outer && root.contains(outer) && whole(outer)) && textOf(el) !== '';
  });
}

/** The accessible name of `el`: aria-label, aria-labelledby, its labels, or its text. */
export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return clean(
      by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return clean([...labels].map((l) => l.textContent).join(' '));
  if (el.tagName === 'FIELDSET') return clean(el.querySelector('legend')?.textContent);
  return textOf(el);
}

/** How an item is said: "Disdukcapil, tombol", "Ada, tombol, dipilih", "Instansi: Disdukcapil". */
export function describe(el: Element, lang: Language): string {
  if (el.tagName === 'DT') {
    const value = el.nextElementSibling?.tagName === 'DD' ? el.nextElementSibling : null;
    return value ? `${nameOf(el)}: ${textOf(value)}` : nameOf(el);
  }
  if (!isControl(el)) return nameOf(el);
  const parts = [nameOf(el)];
  if (el.tagName === 'A') parts.push(t(lang, 'speech.link'));
  else if (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY')
    parts.push(t(lang, 'speech.button'));
  else {
    parts.push(t(lang, 'speech.field'));
    const value = (el as HTMLInputElement).value;
    parts.push(value === '' ? t(lang, 'speech.empty') : value);
  }
  if (el.getAttribute('aria-pressed') === 'true') parts.push(t(lang, 'speech.pressed'));
  if (el.getAttribute('aria-disabled') === 'true') parts.push(t(lang, 'speech.disabled'));
  // Its description: an agency's full name, "Kuota habis".
  for (const id of (el.getAttribute('aria-describedby') ?? '').split(/\s+/)) {
    const described = id ? document.getElementById(id) : null;
    const text = described ? textOf(described) : '';
    if (text !== '') parts.push(text);
  }
  return parts.join(', ');
}

/** The group (a requirement's fieldset, the language choice) `el` sits in, if any. */
export function groupOf(el: Element): Element | null {
  return el.parentElement?.closest('fieldset, [role="group"], [role="radiogroup"]') ?? null;
}

/** What a dialog says when the focus enters it: its title, then its description. */
export function dialogWords(dialog: Element): string[] {
  const ids = (attr: string) =>
    (dialog.getAttribute(attr) ?? '')
      .split(/\s+/)
      .map((id) => clean(document.getElementById(id)?.textContent))
      .filter((text) => text !== '');
  return [...ids('aria-labelledby'), ...ids('aria-describedby')];
}

/** The texts of a screen that must be heard with its heading: notices, summaries. */
export function screenNotes(main: Element): string[] {
  const notes = [...main.querySelectorAll('.notice, [role="alert"], [role="status"]')]
    .filter(shown)
    .map(textOf);
  const pairs = [...main.querySelectorAll('dl dt')].filter(shown).map((dt) => describe(dt, 'id'));
  return [...notes, ...pairs].filter((text) => text !== '');
}
