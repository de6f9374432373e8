/**
 * The MPP bergerak team's own screen on a tablet (1280×800) or a laptop: the checklist that
 * says "Siap berangkat" or what is missing, one action to prepare, the printer paired and
 * tested, the events waiting to be sent, the visits with the way to the citizen kiosk and
 * the counter on this same device, and each visit's report (table, chart, CSV).
 * Renders the view; every action goes to the runtime.
 */
import '../styles/kiosk.css';
import '../counter/counter.css';
import './mobile.css';
import { useState } from 'preact/hooks';
import { serviceNamer } from '../../domain/config/service-names';
import { formatClock } from '../../domain/format';
import { visitLine } from '../../domain/visits';
import { SignIn } from '../counter/SignIn';
import { useStore } from '../hooks/use-store';
import { Prepare } from './Prepare';
import { Report } from './Report';
import { type MobileLanguage, mt } from './text';
import type { MobileActions, MobileStore } from './view';

type Props = { store: MobileStore; actions: MobileActions };

export function MobileApp({ store, actions }: Props) {
  const view = useStore(store);
  const [large, setLarge] = useState(false);
  const lang = view.lang;
  const { timeZone } = view.config.site;
  const serviceName = serviceNamer(view.config, lang);
  const _readiness = view.readiness;
  if (view.signIn) {
    // The counter's sign-in (a name, then the PIN on the pad), as the staff know it.
    const signInView = { screen: 'sign-in' as const, lang, ...view.signIn };
    return (
      <div class="kiosk counter mobile" lang={lang}>
        <header class="mobile-bar">
          <span class="mobile-brand mobile-sync">
            {mt(lang, 'title')} · {view.deviceName}
          </span>
          <LanguageButton lang={lang} actions={actions} />
        </header>
        <SignIn view={signInView} actions={actions} />
      </div>
    );
  }
  return (
    <div class={`kiosk mobile${large ? ' kiosk--large' : ''}`} lang={lang}>
      <header class="mobile-bar">
        <span class="mobile-brand">
          {mt(lang, 'title')} · {view.deviceName}
        </span>
        <span class={`mobile-sync mobile-sync--${view.online ? 'on' : 'off'}`} role="status">
          <strong>{mt(lang, view.online ? 'online' : 'offline')}</strong> ·{' '}
          {view.pending.count === 0
            ? mt(lang, 'pendingNone')
            : mt(lang, 'pending', {
                n: view.pending.count,
                time: view.pending.since === null ? '—' : formatClock(view.pending.since, timeZone),
              })}
          {view.lastSyncAt !== null &&
            ` · ${mt(lang, 'lastSync', { time: formatClock(view.lastSyncAt, timeZone) })}`}
        </span>
        <button
          type="button"
          class="btn btn--secondary"
          aria-pressed={large}
          onClick={() => setLarge(!large)}
        >
          {mt(lang, 'largeText')}
        </button>
        <LanguageButton lang={lang} actions={actions} />
      </header>
      <main class="mobile-main">
        <Prepare view={view} actions={actions} serviceName={serviceName} />
        <section class="mobile-card" aria-labelledby="mobile-visits">
          <h2 id="mobile-visits">{mt(lang, 'visitsTitle')}</h2>
          <p>{mt(lang, 'serveLead')}</p>
          <div class="mobile-actions">
            <a class="btn btn--primary" href="/kiosk">
              {mt(lang, 'openKiosk')}
            </a>
            <a class="btn btn--secondary" href="/counter">
              {mt(lang, 'openCounter')}
            </a>
          </div>
          {view.trip.length === 0 ? (
            <p>{mt(lang, 'noVisits')}</p>
          ) : (
            <ul class="mobile-visits">
              {view.trip.map((visit) => (
                <li key={visit.id}>
                  <span>{visitLine(visit, view.today, lang)}</span>
                  <button
                    type="button"
                    class="btn btn--secondary"
                    aria-pressed={view.report?.visit.id === visit.id}
                    onClick={() => void actions.showReport(visit.id)}
                  >
                    {mt(lang, 'reportTitle')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {view.report && (
          <Report view={view} actions={actions} lang={lang} serviceName={serviceName} />
        )}
      </main>
    </div>
  );
}

/** The other language, named in that language. */
function LanguageButton(props: { lang: MobileLanguage; actions: MobileActions }) {
  const { lang } = props;
  return (
    <button
      type="button"
      class="btn btn--secondary"
      lang={lang === 'id' ? 'en' : 'id'}
      onClick={() => props.actions.setLanguage(lang === 'id' ? 'en' : 'id')}
    >
      {mt(lang, 'language')}
    </button>
  );
}
