/**
 * "Bantuan suara" on the attract screen, one button per language the kiosk has a local voice
 * for, each labelled in its own language; it starts a session with the voice guidance on.
 * Rendered by the kiosk's idle duties (src/app/kiosk/voice-door.ts) only when such a voice
 * exists: without one, nothing is offered.
 */
import '../../../domain/i18n/strings-speech';
import type { Language } from '../../../domain/config/schema';
import { t } from '../../../domain/i18n/strings';

export function VoiceDoor(props: {
  languages: readonly Language[];
  onStart: (lang: Language) => void;
}) {
  return (
    <>
      {props.languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          class="btn btn--secondary attract-voice-door"
          // The attract screen starts a plain session on any touch; this one starts the voice.
          onClick={(event) => {
            event.stopPropagation();
            props.onStart(lang);
          }}
        >
          <svg class="attract-voice-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
            <path
              d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          {t(lang, 'speech.door')}
        </button>
      ))}
    </>
  );
}
