/**
 * The voice guidance's boundary with the browser: only local voices count, one per
 * language, found again when the browser lists its voices late; what is said goes to the
 * voice of its own language, a new saying cuts the old one, and repeat and slower work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpeaker } from '../../../src/app/kiosk/speech/speaker';
import { localVoices, watchLocalVoices } from '../../../src/app/kiosk/speech/voices';

type Said = { text: string; lang: string; rate: number };

/** A speechSynthesis that lists `voices` and records what it is asked to say. */
function fakeSynth(voices: { lang: string; localService: boolean; name: string }[]) {
  const said: Said[] = [];
  const events = new EventTarget();
  const synth = {
    voices,
    cancels: 0,
    said,
    getVoices: () => synth.voices,
    speak: (u: Said) => said.push({ text: u.text, lang: u.lang, rate: u.rate }),
    cancel: () => {
      synth.cancels += 1;
    },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    changed: () => events.dispatchEvent(new Event('voiceschanged')),
  };
  return synth;
}

const g = globalThis as unknown as Record<string, unknown>;
let saved: { synth: unknown; utterance: unknown };

beforeEach(() => {
  saved = { synth: g.speechSynthesis, utterance: g.SpeechSynthesisUtterance };
  g.SpeechSynthesisUtterance = class {
    lang = '';
    rate = 1;
    voice: unknown = null;
    constructor(readonly text: string) {}
  };
});
afterEach(() => {
  g.speechSynthesis = saved.synth;
  g.SpeechSynthesisUtterance = saved.utterance;
});

const ID = { name: 'Indonesian (espeak-ng)', lang: 'id-ID', localService: true };
const EN_REMOTE = { name: 'Online English', lang: 'en-US', localService: false };
const EN = { name: 'English (espeak-ng)', lang: 'en', localService: true };

describe('local voices', () => {
  it('keeps only voices whose localService is true, one per language', () => {
    g.speechSynthesis = fakeSynth([EN_REMOTE, ID, { ...ID, name: 'second' }]);
    const voices = localVoices();
    expect([...voices.keys()]).toEqual(['id']);
    expect(voices.get('id')?.name).toBe('Indonesian (espeak-ng)');
  });

  it('hears voices listed late (voiceschanged) and stops listening when asked', () => {
    const synth = fakeSynth([]);
    g.speechSynthesis = synth;
    const seen: string[][] = [];
    const stop = watchLocalVoices((voices) => seen.push([...voices.keys()]));
    synth.voices = [ID, EN];
    synth.changed();
    stop();
    synth.voices = [];
    synth.changed();
    expect(seen).toEqual([[], ['id', 'en']]);
  });

  it('finds nothing where the browser has no speech at all', () => {
    g.speechSynthesis = undefined;
    expect(localVoices().size).toBe(0);
  });
});

describe('createSpeaker', () => {
  it('says each part with its own language, cutting what was said before', () => {
    const synth = fakeSynth([ID, EN]);
    g.speechSynthesis = synth;
    const speaker = createSpeaker(localVoices);
    speaker.say([
      { text: 'Your number is A 12.', lang: 'en' },
      { text: '  Nomor antrean,\n a, dua belas. ', lang: 'id' },
      { text: '', lang: 'id' },
    ]);
    expect(synth.cancels).toBe(1);
    expect(synth.said).toEqual([
      { text: 'Your number is A 12.', lang: 'en', rate: 0.95 },
      { text: 'Nomor antrean, a, dua belas.', lang: 'id-ID', rate: 0.95 },
    ]);
  });

  it('says nothing in a language without a local voice', () => {
    const synth = fakeSynth([ID, EN_REMOTE]);
    g.speechSynthesis = synth;
    createSpeaker(localVoices).say([{ text: 'Choose an Agency', lang: 'en' }]);
    expect(synth.said).toEqual([]);
  });

  it('repeats the last saying, slower step by step, then at the usual speed again', () => {
    const synth = fakeSynth([ID]);
    g.speechSynthesis = synth;
    const speaker = createSpeaker(localVoices);
    speaker.say([{ text: 'Pilih Instansi', lang: 'id' }]);
    speaker.say([{ text: 'Lebih lambat.', lang: 'id' }], { keep: true });
    expect(speaker.slower()).toBe(true);
    speaker.repeat();
    expect(speaker.slower()).toBe(true);
    speaker.repeat();
    expect(speaker.slower()).toBe(false);
    speaker.repeat();
    expect(synth.said.slice(2).map((s) => [s.text, s.rate])).toEqual([
      ['Pilih Instansi', 0.75],
      ['Pilih Instansi', 0.55],
      ['Pilih Instansi', 0.95],
    ]);
    speaker.stop();
    expect(synth.cancels).toBe(6);
  });
});
