/**
 * The SKM survey's place on the phone page, under the ticket's facts once it is served: a
 * line when it is answered; when open, its heading and the survey, whose code (the nine
 * questions and their answers, the profile's choices, the sending) is a chunk of its own,
 * ./SkmSurvey.tsx, fetched only then — the page's first load stays within its 30 KB. Its
 * styles come with the page (a lazy chunk brings none: vite.config.ts).
 */
import './skm-survey.css';
import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../domain/config/schema';
import type { TicketStatus } from '../../domain/protocol';
import type { SkmSurveyProps } from './SkmSurvey';

let Survey: ComponentType<SkmSurveyProps> | null = null;
let loading: Promise<void> | null = null;

/** Fetches the survey's code once; a failed fetch may be tried again. */
function loadSurvey(): Promise<void> {
  loading ??= import('./SkmSurvey').then(
    (m) => {
      Survey = m.SkmSurvey;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The survey of the page's own ticket: nothing before it is served. */
export function SkmSection(props: {
  ticketId: string;
  survey: TicketStatus['survey'];
  lang: Language;
}) {
  const { ticketId, survey, lang } = props;
  const id = lang === 'id';
  // Answered (here, or elsewhere while this phone kept an unsent copy): nothing to send.
  useEffect(() => {
    // Fetched only then: the page's first load carries none of it (a kiosk shares it).
    if (survey === 'answered')
      void import('./skm-pending').then((m) => m.forgetSkmAnswer(ticketId));
  }, [survey, ticketId]);
  if (survey === null) return null;
  if (survey === 'answered') {
    return (
      <p class="lead skm-answered">
        {id ? 'Survei sudah diisi. Terima kasih.' : 'Survey answered. Thank you.'}
      </p>
    );
  }
  return (
    <section class="skm" aria-labelledby="skm-title">
      <h2 id="skm-title">{id ? 'Survei Kepuasan Masyarakat' : 'Public satisfaction survey'}</h2>
      <LazySurvey ticketId={ticketId} lang={lang} />
    </section>
  );
}

/** The survey once its code is here; until then a line saying it is coming (or offline). */
function LazySurvey(props: SkmSurveyProps) {
  const [state, setState] = useState<'loading' | 'failed' | 'ready'>(Survey ? 'ready' : 'loading');
  useEffect(() => {
    if (state === 'ready') return;
    const load = () =>
      void loadSurvey().then(
        () => setState('ready'),
        () => setState('failed'),
      );
    if (state === 'loading') load();
    window.addEventListener('online', load);
    return () => window.removeEventListener('online', load);
  }, [state]);
  if (state === 'ready' && Survey) return h(Survey, props);
  const id = props.lang === 'id';
  return (
    <p class="lead" role="status">
      {state === 'loading'
        ? id
          ? 'Memuat survei…'
          : 'Loading the survey…'
        : id
          ? 'Survei belum dapat dimuat. Dicoba lagi saat ponsel tersambung.'
          : 'The survey could not be loaded. It is tried again once the phone is online.'}
    </p>
  );
}
