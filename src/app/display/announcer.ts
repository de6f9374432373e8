/**
 * The board's voice: for each call, a chime, then the announcement twice ("Nomor antrean,
 * A, dua belas. Silakan menuju loket tiga."), one call after another when they come faster
 * than speech. It speaks through a Web Speech voice only when that voice is local
 * (`localService`: no audio leaves the building, it works offline); otherwise it plays the
 * short clips shipped with the app (public/voice/id), one per word.
 * Must: never speaks before sound is enabled (browsers block it until a person interacts),
 * and never says late what came while it could not; every call is written to `onSpoken` (the board's live region and the tests'
 * boundary); a failing voice skips to the next call instead of stopping the queue.
 */
import { type Announcement, clipFile, VOICE_DIR } from '../../domain/announce';

/** What the announcer needs of the browser (tests give their own). */
export type VoiceOutput = {
  /** A chime before each call. */
  chime(): Promise<void>;
  /** Says the text through a local voice; false when there is none. */
  speak(text: string): Promise<boolean>;
  /** Plays one clip to its end. */
  play(url: string): Promise<void>;
};

export type Announcer = {
  /** Queues a call; it is spoken after those before it. */
  announce(announcement: Announcement): void;
  /** Sound may play from now on (after a person's tap, or a kiosk flag). */
  enable(): void;
  readonly enabled: boolean;
  stop(): void;
};

/** Starts an announcer over `output`; `onSpoken` hears each announcement's text. */
export function createAnnouncer(
  output: VoiceOutput,
  onSpoken: (text: string) => void,
  options: { repeat?: number } = {},
): Announcer {
  const repeat = options.repeat ?? 2;
  const queue: Announcement[] = [];
  let enabled = false;
  let running = false;
  let stopped = false;

  const sayOnce = async (announcement: Announcement) => {
    if (await output.speak(announcement.text).catch(() => false)) return;
    for (const group of announcement.groups) {
      for (const word of group) await output.play(`${VOICE_DIR}/${clipFile(word)}`);
    }
  };

  const run = async () => {
    if (running) return;
    running = true;
    while (queue.length > 0 && !stopped) {
      const next = queue.shift() as Announcement;
      try {
        await output.chime();
        for (let i = 0; i < repeat && !stopped; i++) await sayOnce(next);
      } catch {
        // A voice that fails skips this call; the board still shows it.
      }
    }
    running = false;
  };

  return {
    announce(announcement) {
      if (stopped) return;
      onSpoken(announcement.text);
      // Without sound a call is shown, not kept to be said late.
      if (!enabled) return;
      queue.push(announcement);
      void run();
    },
    enable() {
      enabled = true;
    },
    get enabled() {
      return enabled;
    },
    stop() {
      stopped = true;
      queue.length = 0;
    },
  };
}

/** The browser's voice: WebAudio for the chime, a local Web Speech voice, or <audio> clips. */
export function browserVoice(): VoiceOutput {
  let audio: AudioContext | null = null;
  const localVoice = (): SpeechSynthesisVoice | null => {
    const voices = globalThis.speechSynthesis?.getVoices() ?? [];
    return voices.find((v) => v.localService && v.lang.toLowerCase().startsWith('id')) ?? null;
  };
  return {
    async chime() {
      audio ??= new AudioContext();
      const at = audio.currentTime;
      // Two soft tones, a fifth apart: the usual "ding-dong" of a public address.
      for (const [offset, hz] of [
        [0, 659.25],
        [0.45, 523.25],
      ] as const) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = hz;
        gain.gain.setValueAtTime(0.0001, at + offset);
        gain.gain.exponentialRampToValueAtTime(0.4, at + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.8);
        tone.connect(gain).connect(audio.destination);
        tone.start(at + offset);
        tone.stop(at + offset + 0.85);
      }
      await new Promise((resolve) => setTimeout(resolve, 1300));
    },
    speak(text) {
      const voice = localVoice();
      if (!voice) return Promise.resolve(false);
      return new Promise((resolve) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9;
        utterance.onend = () => resolve(true);
        utterance.onerror = () => resolve(false);
        speechSynthesis.speak(utterance);
      });
    },
    play(url) {
      return new Promise((resolve) => {
        const clip = new Audio(url);
        clip.onended = () => resolve();
        clip.onerror = () => resolve();
        clip.play().catch(() => resolve());
      });
    },
  };
}
