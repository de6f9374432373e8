/**
 * Says texts through the local voices (./voices.ts), each part in its own language: a new
 * saying cuts the one before, as a screen reader does when the focus moves. Keeps the last
 * saying for "Ulangi", and the speed for "Lebih lambat".
 */
import type { Language } from '../../../domain/config/schema';
import type { LocalVoices } from './voices';

/** One phrase and the language to say it in. */
export type Spoken = { text: string; lang: Language };

/** Speeds "Lebih lambat" steps through, then back to the first. */
const RATES = [0.95, 0.75, 0.55] as const;

export function createSpeaker(voices: () => LocalVoices) {
  let rate = 0;
  let last: Spoken[] = [];
  const speak = (parts: readonly Spoken[], queue: boolean) => {
    const synth = globalThis.speechSynthesis;
    if (!synth) return;
    if (!queue) synth.cancel();
    for (const part of parts) {
      const voice = voices().get(part.lang);
      const text = part.text.replace(/\s+/g, ' ').trim();
      if (!voice || text === '') continue;
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = RATES[rate] ?? 1;
      synth.speak(utterance);
    }
  };
  return {
    /** Says `parts`, cutting what was being said (or after it, with `queue`). */
    say(parts: readonly Spoken[], options: { queue?: boolean; keep?: boolean } = {}) {
      speak(parts, options.queue ?? false);
      if (!options.keep) last = options.queue ? [...last, ...parts] : [...parts];
    },
    /** Says the last saying again. */
    repeat() {
      speak(last, false);
    },
    /** One step slower (after the slowest: the usual speed again); true while slowed. */
    slower(): boolean {
      rate = (rate + 1) % RATES.length;
      return rate > 0;
    },
    /** Silence now. */
    stop() {
      globalThis.speechSynthesis?.cancel();
    },
  };
}

export type Speaker = ReturnType<typeof createSpeaker>;
