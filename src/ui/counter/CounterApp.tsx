/**
 * The counter (loket) for staff at a desk PC or a tablet: sign in with a PIN, open a loket
 * with the services it serves, then call, serve, finish, mark no-shows, transfer and call a
 * specific number — big targets for touch, single-key shortcuts for a keyboard (listed on
 * screen). Renders the view; every action goes to the composition root.
 */
import '../styles/kiosk.css';
import './counter.css';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { COUNTER_TEXT, type CounterLanguage, ct } from './text';
import type {
  CounterActions,
  CounterStore,
  CounterView,
  Message,
  ServiceOption,
  TicketCard,
  WaitingRow,
} from './view';

type Props = { store: CounterStore; actions: CounterActions };

/** The counter surface. */
export function CounterApp({ store, actions }: Props) {
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

function useStore(store: CounterStore): CounterView {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => rerender(0)), [store]);
  return store.getSnapshot();
}

function Notice({ message, lang }: { message: Message | null; lang: CounterLanguage }) {
  if (!message) return null;
  return (
    <p class={`counter-notice counter-notice--${message.tone}`} role="alert">
      {message[lang]}
    </p>
  );
}

type SignInView = Extract<CounterView, { screen: 'sign-in' }>;

function SignIn({ view, actions }: { view: SignInView; actions: CounterActions }) {
  const { lang } = view;
  const [chosen, setChosen] = useState<string | null>(null);
  const [first, setFirst] = useState(false);
  const [pin, setPin] = useState('');
  const person = view.staff.find((s) => s.staffId === chosen);
  if (first) return <FirstPin view={view} actions={actions} onBack={() => setFirst(false)} />;
  return (
    <main class="screen counter-signin">
      <h1 class="screen-title">{ct(lang, 'signInTitle')}</h1>
      <Notice message={view.message} lang={lang} />
      {!person && (
        <>
          <p>{view.staff.length > 0 ? ct(lang, 'signInLead') : ct(lang, 'noStaff')}</p>
          <ul class="counter-staff">
            {view.staff.map((s) => (
              <li key={s.staffId}>
                <button
                  type="button"
                  class="btn btn--choice"
                  disabled={s.locked}
                  onClick={() => {
                    setChosen(s.staffId);
                    setPin('');
                  }}
                >
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="btn btn--secondary" onClick={() => setFirst(true)}>
            {ct(lang, 'firstPin')}
          </button>
        </>
      )}
      {person && (
        <form
          class="counter-pin"
          onSubmit={(e) => {
            e.preventDefault();
            actions.signIn(person.staffId, pin);
            setPin('');
          }}
        >
          <p class="lead">{person.name}</p>
          <label>
            {ct(lang, 'pin')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              maxLength={12}
              // biome-ignore lint/a11y/noAutofocus: the PIN field is the only thing to do here
              autoFocus
              onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
            />
          </label>
          <PinPad lang={lang} value={pin} onChange={setPin} />
          <div class="screen-actions">
            <button type="button" class="btn btn--secondary" onClick={() => setChosen(null)}>
              {ct(lang, 'back')}
            </button>
            <button type="submit" class="btn btn--primary" disabled={view.busy || pin.length < 6}>
              {ct(lang, 'signIn')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}

function PinPad({
  lang,
  value,
  onChange,
}: {
  lang: CounterLanguage;
  value: string;
  onChange: (pin: string) => void;
}) {
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
  return (
    <div class="counter-pad">
      {digits.map((d) => (
        <button
          key={d}
          type="button"
          class="btn btn--secondary"
          onClick={() => value.length < 12 && onChange(value + d)}
        >
          {d}
        </button>
      ))}
      <button type="button" class="btn btn--secondary" onClick={() => onChange('')}>
        {ct(lang, 'clear')}
      </button>
    </div>
  );
}

function FirstPin({
  view,
  actions,
  onBack,
}: {
  view: SignInView;
  actions: CounterActions;
  onBack: () => void;
}) {
  const { lang } = view;
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  return (
    <main class="screen counter-signin">
      <h1 class="screen-title">{ct(lang, 'firstPin')}</h1>
      <p>{ct(lang, 'firstPinLead')}</p>
      <Notice message={view.message} lang={lang} />
      {local && (
        <p class="counter-notice counter-notice--warn" role="alert">
          {local}
        </p>
      )}
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin !== again) return setLocal(ct(lang, 'pinsDiffer'));
          setLocal(null);
          actions.firstPin(code, pin);
        }}
      >
        <label>
          {ct(lang, 'setupCode')}
          <input
            value={code}
            autoComplete="off"
            onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
          />
        </label>
        <label>
          {ct(lang, 'newPin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
          />
        </label>
        <label>
          {ct(lang, 'repeatPin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value.replace(/\D/g, ''))}
          />
        </label>
        <div class="screen-actions">
          <button type="button" class="btn btn--secondary" onClick={onBack}>
            {ct(lang, 'back')}
          </button>
          <button type="submit" class="btn btn--primary" disabled={view.busy}>
            {ct(lang, 'savePin')}
          </button>
        </div>
      </form>
    </main>
  );
}

type OpenView = Extract<CounterView, { screen: 'open-loket' }>;

function OpenLoket({ view, actions }: { view: OpenView; actions: CounterActions }) {
  const { lang } = view;
  const [loket, setLoket] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => view.services.map((s) => s.id));
  const [local, setLocal] = useState<string | null>(null);
  return (
    <main class="screen">
      <h1 class="screen-title">{ct(lang, 'openTitle')}</h1>
      <Notice message={view.message} lang={lang} />
      {local && (
        <p class="counter-notice counter-notice--warn" role="alert">
          {local}
        </p>
      )}
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          const number = loket.trim().toUpperCase();
          if (!/^[0-9A-Z]{1,4}$/.test(number)) return setLocal(ct(lang, 'loketInvalid'));
          if (chosen.length === 0) return setLocal(ct(lang, 'chooseService'));
          actions.openLoket(number, chosen);
        }}
      >
        <label>
          {ct(lang, 'loketNumber')}
          <input
            value={loket}
            maxLength={4}
            autoComplete="off"
            onInput={(e) => setLoket(e.currentTarget.value)}
          />
        </label>
        <fieldset class="counter-services">
          <legend>{ct(lang, 'servicesServed')}</legend>
          {view.services.map((s) => (
            <label key={s.id} class="counter-check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) =>
                  setChosen(
                    e.currentTarget.checked
                      ? [...chosen, s.id]
                      : chosen.filter((id) => id !== s.id),
                  )
                }
              />
              <span>
                {s.name} <small>({s.agency})</small>
              </span>
            </label>
          ))}
        </fieldset>
        <div class="screen-actions">
          <button type="submit" class="btn btn--primary">
            {ct(lang, 'openLoket')}
          </button>
        </div>
      </form>
    </main>
  );
}

type DeskView = Extract<CounterView, { screen: 'desk' }>;
type Dialog = { kind: 'transfer'; ticketId: string } | { kind: 'specific' } | null;

/** Single keys for a desk PC (ignored while typing in a field). */
const SHORTCUTS = [
  ['B', 'callNext'],
  ['U', 'recall'],
  ['L', 'serve'],
  ['S', 'finish'],
  ['T', 'noShow'],
  ['A', 'transfer'],
  ['C', 'callSpecific'],
  ['J', 'pause'],
] as const;

function Desk({ view, actions }: { view: DeskView; actions: CounterActions }) {
  const { lang } = view;
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = view.current[0];
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (dialog || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const action = SHORTCUTS.find(([key]) => key === e.key.toUpperCase())?.[1];
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function run(action: (typeof SHORTCUTS)[number][1]) {
    if (action === 'callNext') return view.paused ? undefined : actions.callNext();
    if (action === 'pause') return view.paused ? actions.resume() : actions.pause();
    if (action === 'callSpecific') return setDialog({ kind: 'specific' });
    if (!current) return;
    if (action === 'transfer') return setDialog({ kind: 'transfer', ticketId: current.id });
    if (action === 'serve' && current.status !== 'called') return;
    if ((action === 'recall' || action === 'noShow') && current.status !== 'called') return;
    actions[action](current.id);
  }

  const label = (key: (typeof SHORTCUTS)[number][1]) =>
    ct(lang, key === 'pause' && view.paused ? 'resume' : key);
  const key = (action: (typeof SHORTCUTS)[number][1]) =>
    SHORTCUTS.find(([, a]) => a === action)?.[0] ?? '';
  const actionButton = (
    action: (typeof SHORTCUTS)[number][1],
    variant: 'primary' | 'secondary',
    disabled: boolean,
  ): JSX.Element => (
    <button
      type="button"
      class={`btn btn--${variant}`}
      disabled={disabled}
      aria-keyshortcuts={key(action)}
      onClick={() => run(action)}
    >
      {label(action)} <kbd>{key(action)}</kbd>
    </button>
  );
  const called = current?.status === 'called';

  return (
    <main class="counter-desk">
      <h1 class="visually-hidden">{ct(lang, 'loket', { n: view.loket })}</h1>
      {!view.online && <p class="counter-notice counter-notice--info">{ct(lang, 'offline')}</p>}
      <Notice message={view.message} lang={lang} />
      <section class="counter-current" aria-labelledby="counter-current">
        <h2 id="counter-current">{ct(lang, 'current')}</h2>
        {current ? <Card card={current} lang={lang} /> : <p>{ct(lang, 'noneCurrent')}</p>}
        <div class="counter-actions">
          {actionButton('callNext', 'primary', view.paused || view.waiting.every((w) => w.held))}
          {actionButton('recall', 'secondary', !called)}
          {actionButton('serve', 'secondary', !called)}
          {actionButton('finish', 'secondary', !current)}
          {actionButton('noShow', 'secondary', !called)}
          {actionButton('transfer', 'secondary', !current)}
          {actionButton('callSpecific', 'secondary', view.paused)}
          {actionButton('pause', 'secondary', false)}
          <button type="button" class="btn btn--secondary" onClick={actions.close}>
            {ct(lang, 'close')}
          </button>
        </div>
      </section>
      <section class="counter-waiting" aria-labelledby="counter-waiting">
        <h2 id="counter-waiting">{ct(lang, 'waiting', { n: view.waiting.length })}</h2>
        {view.waiting.length === 0 ? (
          <p>{ct(lang, 'noneWaiting')}</p>
        ) : (
          <ol class="counter-list">
            {view.waiting.map((row) => (
              <Row key={row.id} row={row} lang={lang} />
            ))}
          </ol>
        )}
      </section>
      <section class="counter-keys" aria-labelledby="counter-keys">
        <h2 id="counter-keys">{ct(lang, 'shortcuts')}</h2>
        <dl>
          {SHORTCUTS.map(([k, action]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{label(action)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {dialog?.kind === 'transfer' && (
        <TransferDialog
          lang={lang}
          targets={view.transferTargets}
          onCancel={() => setDialog(null)}
          onChoose={(serviceId) => {
            actions.transfer(dialog.ticketId, serviceId);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'specific' && (
        <SpecificDialog
          lang={lang}
          onCancel={() => setDialog(null)}
          onCall={(query, reason) => {
            actions.callSpecific(query, reason);
            setDialog(null);
          }}
        />
      )}
    </main>
  );
}

function Card({ card, lang }: { card: TicketCard; lang: CounterLanguage }) {
  return (
    <div class="counter-card">
      <p class="counter-number">{card.number}</p>
      <p class="lead">
        {card.service} <small>({card.agency})</small>
      </p>
      <p>
        <strong>{ct(lang, card.status === 'called' ? 'statusCalled' : 'statusServing')}</strong>
        {' · '}
        {ct(lang, 'waitedFor', { m: card.waitedMinutes })}
        {card.priority && ` · ${ct(lang, 'priority')}`}
        {card.journey && ` · ${ct(lang, 'journey', card.journey)}`}
        {card.transfers > 0 && ` · ${ct(lang, 'transferred')}`}
      </p>
    </div>
  );
}

function Row({ row, lang }: { row: WaitingRow; lang: CounterLanguage }) {
  const marks = [
    row.next && ct(lang, 'next'),
    row.priority && ct(lang, 'priority'),
    row.journey && ct(lang, 'journey', row.journey),
    row.held && ct(lang, 'held'),
    row.transferred && ct(lang, 'transferred'),
  ].filter(Boolean);
  return (
    <li
      class={`counter-row${row.next ? ' counter-row--next' : ''}${row.held ? ' counter-row--held' : ''}`}
    >
      <span class="counter-row-number">{row.number}</span>
      <span>{row.service}</span>
      <span>{ct(lang, 'waitedFor', { m: row.waitedMinutes })}</span>
      {marks.length > 0 && <span class="counter-row-marks">{marks.join(' · ')}</span>}
    </li>
  );
}

function TransferDialog(props: {
  lang: CounterLanguage;
  targets: ServiceOption[];
  onCancel: () => void;
  onChoose: (serviceId: string) => void;
}) {
  const { lang } = props;
  return (
    <Modal title={ct(lang, 'transferTo')} onCancel={props.onCancel} lang={lang}>
      <ul class="counter-targets">
        {props.targets.map((s) => (
          <li key={s.id}>
            <button type="button" class="btn btn--choice" onClick={() => props.onChoose(s.id)}>
              {s.name} <small>({s.agency})</small>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

type Reason = keyof (typeof COUNTER_TEXT)['id']['reasons'];

function SpecificDialog(props: {
  lang: CounterLanguage;
  onCancel: () => void;
  onCall: (query: string, reason: Reason) => void;
}) {
  const { lang } = props;
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState<Reason>('returned');
  return (
    <Modal title={ct(lang, 'callSpecific')} onCancel={props.onCancel} lang={lang}>
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim() !== '') props.onCall(query.trim(), reason);
        }}
      >
        <p>{ct(lang, 'specificLead')}</p>
        <label>
          {ct(lang, 'ticketQuery')}
          <input
            value={query}
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: a USB scanner types into the focused field
            autoFocus
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{ct(lang, 'reason')}</legend>
          {(Object.keys(COUNTER_TEXT[lang].reasons) as Reason[]).map((r) => (
            <label key={r} class="counter-check">
              <input
                type="radio"
                name="reason"
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              <span>{COUNTER_TEXT[lang].reasons[r]}</span>
            </label>
          ))}
        </fieldset>
        <div class="screen-actions">
          <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
            {ct(lang, 'cancel')}
          </button>
          <button type="submit" class="btn btn--primary">
            {ct(lang, 'call')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A dialog that holds focus while open and gives it back when it closes. */
function Modal(props: {
  title: string;
  lang: CounterLanguage;
  onCancel: () => void;
  children: preact.ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      class="counter-dialog"
      aria-labelledby="counter-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="counter-dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}
