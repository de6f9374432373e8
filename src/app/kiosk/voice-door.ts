/**
 * The way into "Bantuan suara" on the attract screen: its buttons (one per language with a
 * local voice, src/ui/kiosk/Speech/VoiceDoor.tsx) under the start button, and its hardware
 * key, `*` on a numeric keypad. Offered only while a local voice exists for a language of
 * the site; the guidance itself (./speech/guide.ts) loads when chosen.
 */
import { h, render } from 'preact';
import type { Language } from '../../domain/config/schema';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { VoiceDoor } from '../../ui/kiosk/Speech/VoiceDoor';
import type { Guide } from './speech/guide';
import { type LocalVoices, watchLocalVoices } from './speech/voices';

/** The hardware key that starts the guidance on the attract screen (README, "Bantuan suara"). */
export const VOICE_KEY = 'NumpadMultiply';

/** Loads ./speech/guide.ts (given by the entry: a lazy import from the idle duties' chunk would need styles). */
export type LoadGuide = () => Promise<typeof import('./speech/guide')>;

export function voiceDoor(actor: KioskActor, loadGuide: LoadGuide) {
  const door = document.createElement('div');
  door.className = 'attract-voice';
  let voices: LocalVoices = new Map();
  let guide: Guide | null = null;
  let starting = false;
  let stopped = false;

  /** The site's languages that have a local voice, the kiosk's own first. */
  const offered = (): Language[] => {
    const { config, lang } = actor.getSnapshot().context;
    const site = config.site.languages.filter((l) => voices.has(l));
    return [...site.filter((l) => l === lang), ...site.filter((l) => l !== lang)];
  };

  const start = (lang: Language) => {
    if (guide || starting) return;
    starting = true;
    render(null, door);
    loadGuide().then(
      (m) => {
        starting = false;
        guide = m.startGuide({
          actor,
          lang,
          voices: () => voices,
          onEnd: () => {
            guide = null;
            queueMicrotask(show);
          },
        });
      },
      (error: unknown) => {
        starting = false;
        console.warn('voice guidance did not load', error);
        show();
      },
    );
  };

  function show() {
    if (stopped) return;
    const languages = offered();
    const attract = actor.getSnapshot().matches('attract');
    if (!attract || guide || starting || languages.length === 0) {
      render(null, door);
      door.remove();
      return;
    }
    const startButton = document.querySelector('.attract-start');
    if (startButton && door.previousElementSibling !== startButton) startButton.after(door);
    render(h(VoiceDoor, { languages, onStart: start }), door);
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.code !== VOICE_KEY || guide) return;
    // Only on the attract screen, with no dialog (check-in, survey) over it.
    if (!actor.getSnapshot().matches('attract') || document.getElementById('app')?.inert) return;
    const lang = offered()[0];
    if (!lang) return;
    event.preventDefault();
    start(lang);
  };

  const stopVoices = watchLocalVoices((found) => {
    voices = found;
    show();
  });
  const subscription = actor.subscribe(() => queueMicrotask(show));
  document.addEventListener('keydown', onKey, true);
  return {
    stop() {
      stopped = true;
      stopVoices();
      subscription.unsubscribe();
      document.removeEventListener('keydown', onKey, true);
      guide?.end();
      render(null, door);
      door.remove();
    },
  };
}
