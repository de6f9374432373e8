/**
 * The counter (loket) for staff at a desk PC or a tablet: sign in with a PIN, open a loket
 * with the services it serves, then call, serve, finish, mark no-shows, transfer and call a
 * specific number — big targets for touch, single-key shortcuts for a keyboard (listed on
 * screen). Renders the view; every action goes to the composition root.
 */
import '../styles/kiosk.css';
import './counter.css';
import { useStore } from '../hooks/use-store';
import { Desk } from './Desk';
import { OpenLoket } from './OpenLoket';
import { SignIn } from './SignIn';
import { ct } from './text';
import type { CounterActions, CounterStore } from './view';

type Props = {
  store: CounterStore;
  actions: CounterActions;
  /** On an MPP bergerak unit: the way to its preparation and report (/mobile). */
  unit?: boolean;
};

/** The counter surface. */
export function CounterApp({ store, actions, unit = false }: Props) {
  const view = useStore(store);
  const { lang } = view;
  return (
    <div class="kiosk counter" lang={lang}>
      <header class="counter-bar">
        <span class="counter-brand">{ct(lang, 'title')}</span>
        {view.screen === 'desk' && (
          <span class="counter-who">
            {ct(lang, 'loket', { n: view.loket })} · {ct(lang, 'signedInAs', { name: view.me })}
            {view.paused && <strong class="counter-paused"> · {ct(lang, 'paused')}</strong>}
          </span>
        )}
        <button
          type="button"
          class="btn btn--secondary counter-lang"
          lang={lang === 'id' ? 'en' : 'id'}
          onClick={() => actions.setLanguage(lang === 'id' ? 'en' : 'id')}
        >
          {ct(lang, 'language')}
        </button>
        {unit && (
          <a class="btn btn--secondary" href="/mobile">
            {ct(lang, 'unitSide')}
          </a>
        )}
        {(view.screen === 'desk' || view.screen === 'open-loket') && (
          <button type="button" class="btn btn--secondary" onClick={actions.signOut}>
            {ct(lang, 'signOut')}
          </button>
        )}
      </header>
      {view.screen === 'loading' && <main class="screen" aria-busy="true" />}
      {view.screen === 'sign-in' && <SignIn view={view} actions={actions} />}
      {view.screen === 'open-loket' && <OpenLoket view={view} actions={actions} />}
      {view.screen === 'desk' && <Desk view={view} actions={actions} />}
    </div>
  );
}
