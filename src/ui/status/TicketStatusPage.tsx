/**
 * /t/<id> on the citizen's phone: the ticket's number, where it stands (waiting with the
 * people ahead and the wait, called to a loket, served, sent on, held for a journey's
 * step, finished as received or with requirements missing), for a journey every step, the
 * one the citizen is at now shown first, the SKM survey once the page's own ticket is served
 * (./SkmSection.tsx), and the coming MPP bergerak visits. No personal data: a ticket has
 * none. Names are the server's, from the site's config.
 */
// Its texts come with it (never on a kiosk's way).
import '../../domain/i18n/strings-pages';
import '../styles/kiosk.css';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { formatClock, formatWait } from '../../domain/format';
import { localized } from '../../domain/i18n/local-text';
import { t } from '../../domain/i18n/strings';
import type { TicketStatus } from '../../domain/protocol';
import { visitsHeading } from '../../domain/visits';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { Screen } from '../components/Screen/Screen';
import { JourneySteps } from './JourneySteps';
import { movedOnLine, shownOf, stepNowLine } from './journey-text';
import { SkmSection } from './SkmSection';
import { finishWords, statusWords } from './status-text';

export type TicketStatusView =
  | { kind: 'found'; status: TicketStatus; checkedAt: number }
  | { kind: 'unknown' }
  | { kind: 'offline' };

/** The status page for one ticket. */
export function TicketStatusPage(props: {
  view: TicketStatusView;
  config: ConfigBundle | null;
  lang: Language;
  /** The switch to the other language; without it the page shows none. */
  onLanguage?: (lang: Language) => void;
}) {
  const { view, config, lang } = props;
  const title = t(lang, 'status.title');
  const languageSwitch = props.onLanguage && (
    <LanguageSwitch lang={lang} config={config} onLanguage={props.onLanguage} />
  );
  if (view.kind !== 'found') {
    return (
      <div class="kiosk kiosk--phone" lang={lang}>
        {languageSwitch}
        <Screen title={title}>
          <p class="lead" role="status">
            {t(lang, view.kind === 'unknown' ? 'status.unknown' : 'status.offline')}
          </p>
        </Screen>
      </div>
    );
  }
  const { status } = view;
  const tz = config?.site.timeZone ?? 'Asia/Jakarta';
  const shown = shownOf(status);
  const siteName = config ? localized(config.site.name, lang) : 'MPP';
  const finished = shown.id === status.id ? finishWords(status.finish, siteName, lang) : null;
  const said = finished ?? statusWords(shown, lang);
  const movedOn = movedOnLine(status, shown, lang);
  const waiting = shown.status === 'waiting';
  return (
    <div class="kiosk kiosk--phone" lang={lang}>
      {languageSwitch}
      <Screen title={title} kicker={config ? localized(config.site.name, lang) : undefined}>
        <div class="ticket-facts" role="status">
          {movedOn && <p class="lead moved-on">{keepWhole(movedOn, status.number)}</p>}
          {status.journey && shown.step !== null && (
            <p class="journey-now">{stepNowLine(shown.step, status.journey.of, lang)}</p>
          )}
          <p class="ticket-number">{shown.number}</p>
          <p class="ticket-where">{localized(shown.agencyName, lang)}</p>
          <p class="lead">{localized(shown.serviceName, lang)}</p>
          <p class={`lead status-headline status-headline--${shown.status}`}>
            <strong>{said.headline}</strong>
          </p>
          {said.detail && <p class="lead">{said.detail}</p>}
          {waiting && (
            <>
              <p class="lead">{t(lang, 'ticket.peopleAhead', { count: shown.peopleAhead })}</p>
              <p class="lead">
                {t(lang, 'ticket.wait', { wait: formatWait(shown.waitMinutes, lang) })}
              </p>
            </>
          )}
          <p class="note">{t(lang, 'status.updated', { time: formatClock(view.checkedAt, tz) })}</p>
        </div>
        {shown.id === status.id && (
          <SkmSection ticketId={status.id} survey={status.survey} lang={lang} />
        )}
        {status.journey && status.journey.steps.length > 1 && (
          <JourneySteps journey={status.journey} lang={lang} />
        )}
        {status.visits.length > 0 && (
          <section class="coming-visits" aria-label={visitsHeading(lang)}>
            <h2>{visitsHeading(lang)}</h2>
            <ul>
              {status.visits.map((line) => (
                <li key={line.id}>{localized(line, lang)}</li>
              ))}
            </ul>
          </section>
        )}
        <p class="note">
          <a href="/privasi">{lang === 'id' ? 'Privasi dan data Anda' : 'Privacy and your data'}</a>
        </p>
      </Screen>
    </div>
  );
}

/** `text` with `number` kept on one line ("A-001" never breaks at its dash). */
function keepWhole(text: string, number: string) {
  const at = text.indexOf(number);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <span class="nowrap">{number}</span>
      {text.slice(at + number.length)}
    </>
  );
}
