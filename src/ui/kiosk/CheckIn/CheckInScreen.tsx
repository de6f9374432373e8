/**
 * Checking in a booking at the kiosk: a field a USB scanner types into (it types like a
 * keyboard, then Enter), a keypad for those who type the code by touch, and the answer —
 * the ticket (shown by the kiosk's ticket screen), or why not, in words a citizen can act
 * on. A dialog over the attract screen: focus stays in it, and it closes itself when left.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { instantOf, readBookingScan } from '../../../domain/bookings';
import type { Language } from '../../../domain/config/schema';
import { formatDate } from '../../../domain/format';
import type { TimeZone } from '../../../domain/time';
import type { CheckInOutcome } from '../../../machines/kiosk.types';
import { Button } from '../../components/Button/Button';
import { AttractDialog } from '../AttractDialog';
import { checkInWord as w } from './check-in-text';

const KEYS = [...'1234567890QWERTYUIOPASDFGHJKLZXCVBNM-'];
/** Closed after this long without a touch or key. */
export const CHECK_IN_IDLE_MS = 60_000;

type Props = {
  lang: Language;
  /** The site's languages: a second one gives the language switch. */
  languages: readonly Language[];
  timeZone: TimeZone;
  largeText: boolean;
  /** A scan made on the attract screen, checked in at once. */
  scanned?: string;
  checkIn: (text: string, lang: Language) => Promise<CheckInOutcome>;
  onClose: () => void;
};

export function CheckInScreen(props: Props) {
  const [lang, setLang] = useState(props.lang);
  const [code, setCode] = useState(props.scanned ?? '');
  // What to say is kept as what happened, worded in the language of the moment.
  const [said, setSaid] = useState<{
    outcome: Exclude<CheckInOutcome, { kind: 'ticket' }>;
    text: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { onClose } = props;

  const submit = async (text: string) => {
    if (busy) return;
    setBusy(true);
    setSaid(null);
    const outcome = await props.checkIn(text, lang);
    setBusy(false);
    setSaid(outcome.kind === 'ticket' ? null : { outcome, text });
    input.current?.focus();
  };

  useEffect(() => {
    input.current?.focus();
    if (props.scanned) void submit(props.scanned);
    // Once, with the scan it opened with.
  }, []);

  return (
    <AttractDialog
      id="checkin"
      title={w(lang, 'title')}
      lang={lang}
      languages={props.languages}
      switchLabel={w(lang, 'language')}
      onLanguage={setLang}
      largeText={props.largeText}
      idleMs={CHECK_IN_IDLE_MS}
      onClose={onClose}
    >
      <p>{w(lang, 'lead')}</p>
      <form
        class="checkin-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(code);
        }}
      >
        <label for="checkin-code">{w(lang, 'label')}</label>
        <input
          id="checkin-code"
          ref={input}
          class="search-input checkin-code"
          value={code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          // The screen's keypad types; a scanner types as a keyboard does.
          inputMode="none"
          maxLength={120}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" variant="primary" disabled={busy || code.trim() === ''}>
          {w(lang, 'submit')}
        </Button>
      </form>
      <p class="checkin-message" role="status" aria-live="polite">
        {busy
          ? w(lang, 'checking')
          : said && messageOf(said.outcome, lang, said.text, props.timeZone)}
      </p>
      <fieldset class="checkin-keys" aria-label={w(lang, 'keypad')}>
        {KEYS.map((key) => (
          <Button key={key} onClick={() => setCode((c) => (c + key).slice(0, 120))}>
            {key}
          </Button>
        ))}
        <Button class="checkin-erase" onClick={() => setCode((c) => c.slice(0, -1))}>
          {w(lang, 'erase')}
        </Button>
      </fieldset>
      <Button class="checkin-back" onClick={onClose}>
        {w(lang, 'back')}
      </Button>
    </AttractDialog>
  );
}

/** What to tell the citizen of a check-in that gave no ticket. */
function messageOf(
  outcome: Exclude<CheckInOutcome, { kind: 'ticket' }>,
  lang: Language,
  text: string,
  timeZone: TimeZone,
): string {
  switch (outcome.kind) {
    case 'already':
      return w(lang, 'already', { number: outcome.ticket.number });
    case 'other-day':
      return w(lang, 'otherDay', {
        date: formatDate(instantOf(outcome.day, '12:00', timeZone), timeZone, lang),
      });
    case 'other-site':
      return w(lang, 'otherSite', { site: outcome.siteId });
    case 'unknown':
      return w(lang, 'unknown', { code: readBookingScan(text)?.code ?? '' });
    case 'unreadable':
      return w(lang, 'unreadable');
    case 'no-service':
      return w(lang, 'noService');
    case 'failed':
      return w(lang, 'failed');
  }
}
