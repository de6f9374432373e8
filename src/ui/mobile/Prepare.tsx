/**
 * The MPP bergerak screen's preparation card: "Siap berangkat" or what is missing, each
 * check in words, one action to prepare, and the printer paired, tested and confirmed.
 */
import type { TimeZone } from '../../domain/time';
import { checkDetail, type MobileLanguage, type MobileWord, mt } from './text';
import type { MobileActions, MobileView } from './view';

export function Prepare(props: {
  view: MobileView;
  actions: MobileActions;
  serviceName: (id: string) => string;
}) {
  const { view, actions, serviceName } = props;
  const { lang, readiness } = view;
  const timeZone: TimeZone = view.config.site.timeZone;
  return (
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
