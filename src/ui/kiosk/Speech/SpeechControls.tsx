/**
 * The voice guidance's large controls, along the bottom of every screen while it is on:
 * previous, next, choose, repeat, back, slower, stop — the keypad's keys, on screen. A touch
 * on them leaves the focus where it is: "Pilih" chooses the item being read, not itself.
 */
import '../../../domain/i18n/strings-speech';
import type { Language } from '../../../domain/config/schema';
import { t } from '../../../domain/i18n/strings';

export const SPEECH_COMMANDS = [
  'previous',
  'next',
  'choose',
  'repeat',
  'back',
  'slower',
  'stop',
] as const;

export type SpeechCommand = (typeof SPEECH_COMMANDS)[number];

/** The bar of controls; each press is a command for the guidance. */
export function SpeechControls(props: {
  lang: Language;
  largeText: boolean;
  onCommand: (command: SpeechCommand) => void;
}) {
  const { lang } = props;
  return (
    <nav
      class={`kiosk speech-controls${props.largeText ? ' kiosk--large' : ''}`}
      aria-label={t(lang, 'speech.controls')}
      lang={lang}
    >
      {SPEECH_COMMANDS.map((command) => (
        <button
          key={command}
          type="button"
          class={`btn btn--${command === 'choose' ? 'primary' : 'secondary'} speech-${command}`}
          // Out of the Tab order (the keypad and Tab walk the screen itself), and a touch
          // does not take the focus from the item being read.
          tabIndex={-1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onCommand(command)}
        >
          {t(lang, `speech.${command}`)}
        </button>
      ))}
    </nav>
  );
}
