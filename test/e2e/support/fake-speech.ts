/**
 * The kiosk's speech, captured at its boundary: headless Chromium has no voices, so a fake
 * `speechSynthesis` (and `SpeechSynthesisUtterance`) is put in every page before the app
 * runs. It lists the given voices only after a moment, with a `voiceschanged` event, as
 * Chromium does, and records every utterance (text, language, rate) and every cancel.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type FakeVoice = { name: string; lang: string; localService: boolean };

/** A local Indonesian and a local English voice, as espeak-ng gives through speech-dispatcher. */
export const LOCAL_VOICES: FakeVoice[] = [
  { name: 'Indonesian (espeak-ng)', lang: 'id-ID', localService: true },
  { name: 'English (espeak-ng)', lang: 'en-US', localService: true },
];

/** Voices that speak through a remote service only: the kiosk must not offer its voice. */
export const REMOTE_VOICES: FakeVoice[] = [
  { name: 'Online Bahasa Indonesia', lang: 'id-ID', localService: false },
  { name: 'Online English', lang: 'en-US', localService: false },
];

export type Utterance = { text: string; lang: string; rate: number; voice: string };

export async function fakeSpeech(context: BrowserContext, voices: FakeVoice[]): Promise<void> {
  await context.addInitScript((list: FakeVoice[]) => {
    const w = window as unknown as {
      __spoken: Utterance[];
      __cancels: number;
      SpeechSynthesisUtterance: unknown;
    };
    w.__spoken = [];
    w.__cancels = 0;
    const events = new EventTarget();
    let listed = false;
    class FakeUtterance {
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      onend: ((event: Event) => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () =>
        listed ? list.map((v) => ({ ...v, voiceURI: v.name, default: false })) : [],
      speak(utterance: FakeUtterance) {
        w.__spoken.push({
          text: utterance.text,
          lang: utterance.lang,
          rate: utterance.rate,
          voice: utterance.voice?.name ?? '',
        });
        setTimeout(() => utterance.onend?.(new Event('end')), 0);
      },
      cancel() {
        w.__cancels += 1;
      },
      pause() {},
      resume() {},
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
      dispatchEvent: events.dispatchEvent.bind(events),
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = FakeUtterance;
    setTimeout(() => {
      listed = true;
      events.dispatchEvent(new Event('voiceschanged'));
    }, 300);
  }, voices);
}

/** Everything said so far. */
export function spoken(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);
}

/** How many times speech was cut. */
export function cancels(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cancels: number }).__cancels);
}
