/**
 * The SKM survey at a lobby kiosk, for a citizen whose service is finished: they scan the
 * QR code of their ticket (the kiosk's scanner types it), the kiosk finds the ticket in
 * what it holds of the site's day, and gives the phone page's own survey
 * (src/ui/status/SkmSurvey.tsx), which keeps the answer on the kiosk until the server has
 * it. Only the QR code opens it: a ticket's number can be guessed, its link cannot. A
 * dialog over the attract screen, like the check-in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../../domain/config/schema';
import { Button } from '../../components/Button/Button';
import { SkmSurvey } from '../../status/SkmSurvey';
import { AttractDialog } from '../AttractDialog';

/** What the kiosk knows of a scanned ticket. */
export type SurveyTicket =
  | { kind: 'served'; ticketId: string }
  | { kind: 'not-served' | 'unknown' | 'unreadable' };

const WORDS = {
  id: {
    title: 'Survei Kepuasan Masyarakat',
    lead: 'Sudah dilayani? Pindai kode QR pada tiket Anda untuk mengisi survei.',
    label: 'Kode QR tiket',
    open: 'Buka survei',
    back: 'Kembali',
    done: 'Selesai',
    language: 'English',
    'not-served': 'Survei dapat diisi setelah layanan Anda selesai.',
    unknown:
      'Tiket ini tidak ditemukan di anjungan ini. Isi survei dari ponsel Anda: pindai kode QR tiket dengan kamera ponsel.',
    unreadable: 'Kode tidak terbaca. Pindai kode QR yang tercetak pada tiket Anda.',
  },
  en: {
    title: 'Public satisfaction survey',
    lead: 'Served already? Scan the QR code on your ticket to answer the survey.',
    label: 'Ticket QR code',
    open: 'Open the survey',
    back: 'Back',
    done: 'Done',
    language: 'Bahasa Indonesia',
    'not-served': 'The survey opens once your service is finished.',
    unknown:
      'This ticket is not found at this kiosk. Answer the survey on your phone: scan the ticket’s QR code with its camera.',
    unreadable: 'The code cannot be read. Scan the QR code printed on your ticket.',
  },
} as const;

/** Closed after this long without a touch or key. */
const IDLE_MS = 120_000;

export function KioskSurvey(props: {
  lang: Language;
  languages: readonly Language[];
  largeText: boolean;
  scanned?: string;
  find: (text: string) => SurveyTicket;
  onClose: () => void;
}) {
  const { onClose } = props;
  const [lang, setLang] = useState(props.lang);
  const [text, setText] = useState('');
  const [found, setFound] = useState<SurveyTicket | null>(
    props.scanned ? props.find(props.scanned) : null,
  );
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const words = WORDS[lang];
  const served = found?.kind === 'served' ? found : null;

  useEffect(() => {
    (served ? heading : input).current?.focus();
  }, [served]);
  return (
    <AttractDialog
      id="kiosk-skm"
      title={words.title}
      lang={lang}
      languages={props.languages}
      switchLabel={words.language}
      onLanguage={setLang}
      largeText={props.largeText}
      idleMs={IDLE_MS}
      onClose={onClose}
      headingRef={heading}
    >
      {served ? (
        <section class="skm" aria-labelledby="kiosk-skm-title">
          <SkmSurvey ticketId={served.ticketId} lang={lang} />
        </section>
      ) : (
        <>
          <p>{words.lead}</p>
          <form
            class="checkin-form"
            onSubmit={(event) => {
              event.preventDefault();
              setFound(props.find(text));
            }}
          >
            <label for="kiosk-skm-code">{words.label}</label>
            <input
              id="kiosk-skm-code"
              ref={input}
              class="search-input"
              value={text}
              autocomplete="off"
              spellcheck={false}
              inputMode="none"
              maxLength={400}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <Button type="submit" variant="primary" disabled={text.trim() === ''}>
              {words.open}
            </Button>
          </form>
          <p class="checkin-message" role="status" aria-live="polite">
            {found && found.kind !== 'served' ? words[found.kind] : null}
          </p>
        </>
      )}
      <Button class="checkin-back" onClick={onClose}>
        {served ? words.done : words.back}
      </Button>
    </AttractDialog>
  );
}
