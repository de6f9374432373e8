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
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import { formatClock } from '../../domain/format';
import { localized } from '../../domain/i18n/local-text';
import { minutesText, type VisitReportRow } from '../../domain/visit-report';
import { visitLine } from '../../domain/visits';
import { SignIn } from '../counter/SignIn';
import { checkDetail, type MobileLanguage, type MobileWord, mt } from './text';
import type { MobileActions, MobileStore, MobileView } from './view';

type Props = { store: MobileStore; actions: MobileActions };

function useStore(store: MobileStore): MobileView {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => rerender(0)), [store]);
  return store.getSnapshot();
}

export function MobileApp({ store, actions }: Props) {
  const view = useStore(store);
  const [large, setLarge] = useState(false);
  const lang = view.lang;
  const { timeZone } = view.config.site;
  const names = new Map(
    view.config.agencies.flatMap((a) => a.services.map((s) => [s.id, localized(s.name, lang)])),
  );
  const serviceName = (id: string) => names.get(id) ?? id;
  const readiness = view.readiness;
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
        <section class="mobile-card" aria-labelledby="mobile-prepare">
          <h1 id="mobile-prepare">{mt(lang, 'prepareTitle')}</h1>
          {readiness === null ? (
            <p role="status">{mt(lang, 'checking')}</p>
          ) : (
            <div
              class={`mobile-verdict mobile-verdict--${readiness.ready ? 'ok' : 'no'}`}
              role="status"
            >
              <p class="mobile-verdict-title">{mt(lang, readiness.ready ? 'ready' : 'notReady')}</p>
              <p>{mt(lang, readiness.ready ? 'readyLead' : 'notReadyLead')}</p>
            </div>
          )}
          {readiness && (
            <ul class="mobile-checks">
              {readiness.checks.map((check) => (
                <li key={check.id} class={`mobile-check mobile-check--${check.ok ? 'ok' : 'no'}`}>
                  <span class="mobile-mark" aria-hidden="true">
                    {check.ok ? '✓' : '✗'}
                  </span>
                  <span>
                    <strong>{mt(lang, `check.${check.id}` as MobileWord)}</strong>
                    <span class="visually-hidden">
                      {check.ok ? ` — ${mt(lang, 'checkOk')}: ` : ` — ${mt(lang, 'checkNo')}: `}
                    </span>
                    <br />
                    {checkDetail(check, lang, serviceName, timeZone)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div class="mobile-actions">
            <button
              type="button"
              class="btn btn--primary"
              disabled={view.preparing}
              onClick={() => void actions.prepare()}
            >
              {mt(lang, view.preparing ? 'preparing' : 'prepare')}
            </button>
            <PrinterButtons view={view} actions={actions} lang={lang} />
          </div>
          {view.printAsked && (
            <fieldset class="mobile-ask">
              <legend>{mt(lang, 'printAsk')}</legend>
              <button
                type="button"
                class="btn btn--primary"
                onClick={() => void actions.confirmPrint(true)}
              >
                {mt(lang, 'yes')}
              </button>
              <button
                type="button"
                class="btn btn--secondary"
                onClick={() => void actions.confirmPrint(false)}
              >
                {mt(lang, 'no')}
              </button>
            </fieldset>
          )}
          {view.printerError && (
            <p class="mobile-error" role="alert">
              {mt(lang, 'printerError', { detail: view.printerError })}
            </p>
          )}
        </section>
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

function PrinterButtons(props: { view: MobileView; actions: MobileActions; lang: MobileLanguage }) {
  const { actions, lang } = props;
  const check = props.view.readiness?.checks.find((c) => c.id === 'printer');
  if (check?.id === 'printer' && check.kind === 'none') return null;
  return (
    <>
      {check?.id === 'printer' && check.kind === 'escpos' && (
        <button type="button" class="btn btn--secondary" onClick={() => void actions.pairPrinter()}>
          {mt(lang, 'pair')}
        </button>
      )}
      <button type="button" class="btn btn--secondary" onClick={() => void actions.testPrint()}>
        {mt(lang, 'testPrint')}
      </button>
    </>
  );
}

const COLUMNS = [
  'quota',
  'issued',
  'served',
  'received',
  'incomplete',
  'noShows',
  'open',
  'averageWait',
  'longestWait',
] as const;

function cell(row: VisitReportRow, column: (typeof COLUMNS)[number]): string {
  if (column === 'averageWait') return minutesText(row.averageWaitMs) || '—';
  if (column === 'longestWait') return minutesText(row.longestWaitMs) || '—';
  return String(row[column]);
}

function Report(props: {
  view: MobileView;
  actions: MobileActions;
  lang: MobileLanguage;
  serviceName: (id: string) => string;
}) {
  const { view, actions, lang, serviceName } = props;
  const shown = view.report;
  if (!shown) return null;
  const { report, visit } = shown;
  const download = () => {
    const csv = actions.reportCsv();
    if (csv === null) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `kunjungan-${visit.id}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <section class="mobile-card mobile-report" aria-labelledby="mobile-report">
      <h2 id="mobile-report">{mt(lang, 'reportFor', { place: visit.kelurahan })}</h2>
      <div class="mobile-table-wrap">
        <table class="mobile-table">
          <thead>
            <tr>
              <th scope="col">{mt(lang, 'col.service')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {mt(lang, `col.${c}` as MobileWord)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.serviceId}>
                <th scope="row">{serviceName(row.serviceId)}</th>
                {COLUMNS.map((c) => (
                  <td key={c}>{cell(row, c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{mt(lang, 'total')}</th>
              {COLUMNS.map((c) => (
                <td key={c}>{cell(report.total, c)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <QuotaChart rows={report.rows} label={mt(lang, 'chartLabel')} serviceName={serviceName} />
      <button type="button" class="btn btn--secondary" onClick={download}>
        {mt(lang, 'csv')}
      </button>
    </section>
  );
}

/** Issued against quota per service, as bars: what a team lead reads at a glance. */
function QuotaChart(props: {
  rows: readonly VisitReportRow[];
  label: string;
  serviceName: (id: string) => string;
}) {
  return (
    <figure class="mobile-chart">
      <figcaption id="mobile-chart-label">{props.label}</figcaption>
      <ul class="mobile-bars" aria-labelledby="mobile-chart-label">
        {props.rows.map((row) => {
          const used = row.quota === 0 ? 0 : Math.min(1, row.issued / row.quota);
          return (
            <li key={row.serviceId}>
              <span>{props.serviceName(row.serviceId)}</span>
              <span class="mobile-bar-track" aria-hidden="true">
                <span class="mobile-bar-fill" style={{ width: `${Math.round(used * 100)}%` }} />
              </span>
              <span class="mobile-bar-value">
                {row.issued}/{row.quota}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
