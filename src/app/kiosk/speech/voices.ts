/**
 * The kiosk's speech voices: only those whose `localService` is true (nothing said leaves
 * the building, and they work offline), one per language. Chromium lists its voices late
 * and may change them: `voiceschanged` says when.
 */
import type { Language } from '../../../domain/config/schema';

export type LocalVoices = ReadonlyMap<Language, SpeechSynthesisVoice>;

const LANGUAGES: readonly Language[] = ['id', 'en'];

/** The first local voice of each language, by the language part of its tag ("id-ID" → id). */
export function localVoices(): LocalVoices {
  const all = globalThis.speechSynthesis?.getVoices() ?? [];
  const found = new Map<Language, SpeechSynthesisVoice>();
  for (const lang of LANGUAGES) {
    const voice = all.find((v) => v.localService && v.lang.toLowerCase().split(/[-_]/)[0] === lang);
    if (voice) found.set(lang, voice);
  }
  return found;
}

/** Calls `onChange` now and whenever the browser's voices change; returns the unsubscribe. */
export function watchLocalVoices(onChange: (voices: LocalVoices) => void): () => void {
  const synth = globalThis.speechSynthesis;
  const update = () => onChange(localVoices());
  update();
  synth?.addEventListener('voiceschanged', update);
  return () => synth?.removeEventListener('voiceschanged', update);
}
