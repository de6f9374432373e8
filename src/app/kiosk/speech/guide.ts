/**
 * "Bantuan suara": the kiosk speaks every screen in the citizen's language, driven by the
 * page itself. A screen's heading taking the focus says the screen (./screen-words.ts);
 * any other focus says that item (./dom-reader.ts). The keypad and the large controls
 * (src/ui/kiosk/Speech/SpeechControls.tsx) move the focus over the screen's items, choose,
 * go back, repeat, slow down and stop. Loaded only when a citizen chooses it; ends with
 * the session. The keys: README, "Bantuan suara".
 */
import { h, render } from 'preact';
import type { Language } from '../../../domain/config/schema';
import { type StringKey, t } from '../../../domain/i18n/strings';
import { ensureStrings } from '../../../ui/i18n';
import type { KioskActor } from '../../../ui/kiosk/runtime';
import { type SpeechCommand, SpeechControls } from '../../../ui/kiosk/Speech/SpeechControls';
import { isIdleWarning } from '../../../ui/kiosk/screen-of';
import { describe, dialogWords, groupOf, isControl, nameOf, readingItems } from './dom-reader';
import { screenWords } from './screen-words';
import { createSpeaker } from './speaker';
import type { LocalVoices } from './voices';

/** Keypad keys (by `code`: the same with Num Lock on or off) and arrows, to commands. */
const KEYS: Readonly<Record<string, SpeechCommand | 'help'>> = {
  Numpad2: 'next',
  ArrowDown: 'next',
  Numpad8: 'previous',
  ArrowUp: 'previous',
  Numpad5: 'choose',
  Numpad0: 'repeat',
  Numpad4: 'back',
  NumpadSubtract: 'slower',
  NumpadDecimal: 'stop',
  Escape: 'stop',
  NumpadMultiply: 'help',
};

export type GuideDeps = {
  actor: KioskActor;
  lang: Language;
  voices: () => LocalVoices;
  /** Called once the guidance has ended (the session ended, or its language has no voice). */
  onEnd: () => void;
};

/** Starts the guidance and a session in `lang`; returns its end. */
export function startGuide(deps: GuideDeps) {
  const { actor } = deps;
  const speaker = createSpeaker(deps.voices);
  const root = document.documentElement;
  const bar = document.createElement('div');
  let lang = deps.lang;
  let greeted = false;
  let group: Element | null = null;
  let dialog: Element | null = null;
  /** A text field chosen for typing: the keypad's digits type into it until the focus leaves. */
  let editing: Element | null = null;
  let ended = false;

  const words = (...keys: StringKey[]) => keys.map((key) => ({ text: t(lang, key), lang }));
  const say = (texts: string[]) => speaker.say(texts.map((text) => ({ text, lang })));
  /** Where the items are: the idle warning while it is up, else the kiosk's page. */
  const scope = () =>
    document.querySelector('[role="alertdialog"]') ?? document.querySelector('#app .kiosk');

  const sayScreen = (heading: HTMLElement) => {
    const intro = greeted ? [] : words('speech.started', 'speech.keys');
    greeted = true;
    speaker.say([...intro, ...screenWords(actor.getSnapshot(), heading, lang)]);
  };

  const onFocus = (event: FocusEvent) => {
    const el = event.target as HTMLElement;
    if (ended || bar.contains(el)) return;
    if (el !== editing) editing = null;
    if (el.tagName === 'H1' && el.closest('main')) {
      dialog = null;
      group = null;
      return sayScreen(el);
    }
    const texts: string[] = [];
    const box = el.closest('[role="dialog"], [role="alertdialog"]');
    if (box && box !== dialog) texts.push(...dialogWords(box));
    dialog = box;
    const item = describe(el, lang);
    // Entering a group (a requirement, with its Ada / Belum ada) says the group's name first.
    const inGroup = groupOf(el);
    const groupName = inGroup && inGroup !== group ? nameOf(inGroup) : '';
    if (groupName !== '' && !item.startsWith(groupName)) texts.push(groupName);
    group = inGroup;
    say([...texts, item]);
  };

  /** The focus to the next (or previous) item of the screen, round from the end to the start. */
  const move = (step: 1 | -1) => {
    const area = scope();
    const items = area ? readingItems(area) : [];
    const count = items.length;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const from = at < 0 && step < 0 ? 0 : at;
    // An item that cannot take the focus is passed over.
    for (let i = 1; i <= count; i++) {
      const next = items[(((from + step * i) % count) + count) % count];
      if (!next) return;
      if (next === document.activeElement) return say([describe(next, lang)]);
      if (!isControl(next) && !next.hasAttribute('tabindex')) next.tabIndex = -1;
      next.focus();
      if (document.activeElement === next) return;
    }
  };

  const run = (command: SpeechCommand | 'help') => {
    const snapshot = actor.getSnapshot();
    if (!isIdleWarning(snapshot)) actor.send({ type: 'activity' });
    switch (command) {
      case 'next':
        return move(1);
      case 'previous':
        return move(-1);
      case 'choose': {
        const at = document.activeElement as HTMLElement | null;
        if (!at || !isControl(at)) return speaker.repeat();
        if (at.matches('input, textarea')) {
          editing = at;
          return say([describe(at, lang)]);
        }
        const pressed = at.getAttribute('aria-pressed');
        at.click();
        // A choice that stays on the screen (Ada, Belum ada) says its new state.
        setTimeout(() => {
          const changed = at.getAttribute('aria-pressed') !== pressed;
          if (changed && document.activeElement === at && !ended) say([describe(at, lang)]);
        });
        return;
      }
      case 'repeat':
        return speaker.repeat();
      case 'back':
        if (snapshot.can({ type: 'nav.back' })) return actor.send({ type: 'nav.back' });
        return speaker.say(words('speech.noBack'), { keep: true });
      case 'slower': {
        const slowed = speaker.slower();
        speaker.say(words(slowed ? 'speech.rateSlower' : 'speech.rateNormal'), { keep: true });
        return speaker.repeat();
      }
      case 'stop':
        return speaker.stop();
      case 'help':
        return speaker.say(words('speech.keys'), { keep: true });
    }
  };

  const onKey = (event: KeyboardEvent) => {
    const command = KEYS[event.code];
    if (!command || ended) return;
    // In a text field chosen for typing the keypad's digits and signs type; arrows move on.
    if (editing && event.target === editing && event.key.length === 1) return;
    event.preventDefault();
    event.stopPropagation();
    run(command);
  };

  let drawn = '';
  const showBar = () => {
    const { largeText } = actor.getSnapshot().context;
    if (drawn === `${lang}${largeText}`) return;
    drawn = `${lang}${largeText}`;
    render(h(SpeechControls, { lang, largeText, onCommand: run }), bar);
    root.style.setProperty('--speech-bar', `${bar.offsetHeight}px`);
  };

  const end = () => {
    if (ended) return;
    ended = true;
    subscription.unsubscribe();
    document.removeEventListener('focusin', onFocus, true);
    document.removeEventListener('keydown', onKey, true);
    render(null, bar);
    bar.remove();
    delete root.dataset.speech;
    root.style.removeProperty('--speech-bar');
    deps.onEnd();
  };

  const subscription = actor.subscribe((snapshot) => {
    if (snapshot.matches('attract')) {
      speaker.say(words('speech.ended'));
      return end();
    }
    if (snapshot.context.lang !== lang) {
      if (!deps.voices().has(snapshot.context.lang)) {
        // Never half works: said in the language that still has a voice, then off.
        speaker.say(words('speech.noLanguage', 'speech.ended'));
        return end();
      }
      lang = snapshot.context.lang;
      // The screen again, in its new words once they are drawn.
      void ensureStrings(lang).then(() =>
        setTimeout(() => {
          const heading = document.querySelector<HTMLElement>('#app main h1');
          if (heading && !ended) sayScreen(heading);
        }),
      );
    }
    showBar();
  });

  root.dataset.speech = '';
  document.body.append(bar);
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('keydown', onKey, true);
  // The first screen is drawn (and said) in its language's words, never in a fallback.
  void ensureStrings(lang).then(() => {
    if (!ended) actor.send({ type: 'session.start', lang });
  });
  showBar();
  return { end };
}

export type Guide = ReturnType<typeof startGuide>;
