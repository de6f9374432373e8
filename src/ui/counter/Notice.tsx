/** A message for staff in the counter's language, as an alert. */
import type { CounterLanguage } from './text';
import type { Message } from './view';

/**
 * Shows `message` (or nothing), then `local`: a warning of the screen's own form (already
 * in the shown language), e.g. PINs that differ.
 */
export function Notice(props: {
  message: Message | null;
  lang: CounterLanguage;
  local?: string | null;
}) {
  const { message, lang, local } = props;
  return (
    <>
      {message && (
        <p class={`counter-notice counter-notice--${message.tone}`} role="alert">
          {message[lang]}
        </p>
      )}
      {local && (
        <p class="counter-notice counter-notice--warn" role="alert">
          {local}
        </p>
      )}
    </>
  );
}
