/** A message for staff in the counter's language, as an alert. */
import type { CounterLanguage } from './text';
import type { Message } from './view';

/** Shows `message` (or nothing). */
export function Notice({ message, lang }: { message: Message | null; lang: CounterLanguage }) {
  if (!message) return null;
  return (
    <p class={`counter-notice counter-notice--${message.tone}`} role="alert">
      {message[lang]}
    </p>
  );
}
