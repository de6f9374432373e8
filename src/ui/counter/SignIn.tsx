/** Staff sign-in: choose a name and type the PIN (pad or keyboard), or set a first PIN with a set-up code. */
import { useState } from 'preact/hooks';
import { Notice } from './Notice';
import { type CounterLanguage, ct } from './text';
import type { CounterActions, CounterView } from './view';

type SignInView = Extract<CounterView, { screen: 'sign-in' }>;
/** What signing in calls: the counter's, and the MPP bergerak screen's (src/ui/mobile). */
export type SignInActions = Pick<CounterActions, 'signIn' | 'firstPin'>;

export function SignIn({ view, actions }: { view: SignInView; actions: SignInActions }) {
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
  actions: SignInActions;
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
      <Notice message={view.message} lang={lang} local={local} />
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
        <NewPinField label={ct(lang, 'newPin')} value={pin} onChange={setPin} />
        <NewPinField label={ct(lang, 'repeatPin')} value={again} onChange={setAgain} />
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

/** A new PIN, digits only, hidden as typed. */
function NewPinField(props: { label: string; value: string; onChange: (pin: string) => void }) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={props.value}
        onInput={(e) => props.onChange(e.currentTarget.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
