/**
 * Signing in at /admin: name and PIN (a staff member of an admin role); a first sign-in with
 * the set-up code an admin gave; and, on a new site, the first admin with the bootstrap
 * code the server printed. Each form says what went wrong above it and keeps what was typed
 * but the PINs.
 */
import { useState } from 'preact/hooks';
import { pinIssue } from '../../domain/staff';
import { Refusal } from './shared';
import { type AdminLanguage, at } from './text';

type Mode = 'sign-in' | 'first' | 'site';

export type SignInActions = {
  signIn(name: string, pin: string): Promise<void>;
  firstPin(setupCode: string, pin: string): Promise<void>;
  startSite(code: string, name: string, pin: string): Promise<void>;
};

export function AdminSignIn(props: { lang: AdminLanguage; actions: SignInActions }) {
  const { lang, actions } = props;
  const [mode, setMode] = useState<Mode>('sign-in');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    task().then(
      () => setBusy(false),
      (refusal: unknown) => {
        setBusy(false);
        setError(refusal);
      },
    );
  };
  const switchTo = (next: Mode) => {
    setError(null);
    setMode(next);
  };
  return (
    <main class="admin-main admin-signin">
      {mode === 'sign-in' && (
        <SignInForm
          lang={lang}
          busy={busy}
          error={error}
          onSubmit={(n, p) => run(() => actions.signIn(n, p))}
        />
      )}
      {mode === 'first' && (
        <NewPinForm
          lang={lang}
          busy={busy}
          error={error}
          title={at(lang, 'firstPin')}
          lead={at(lang, 'firstPinLead')}
          codeLabel={at(lang, 'setupCode')}
          submit={at(lang, 'savePin')}
          onSubmit={(code, _name, pin) => run(() => actions.firstPin(code, pin))}
        />
      )}
      {mode === 'site' && (
        <NewPinForm
          lang={lang}
          busy={busy}
          error={error}
          title={at(lang, 'newSite')}
          lead={at(lang, 'newSiteLead')}
          codeLabel={at(lang, 'bootstrapCode')}
          withName
          submit={at(lang, 'startSite')}
          onSubmit={(code, name, pin) => run(() => actions.startSite(code, name, pin))}
        />
      )}
      <div class="admin-actions">
        {mode !== 'sign-in' && (
          <button type="button" class="btn btn--secondary" onClick={() => switchTo('sign-in')}>
            {at(lang, 'back')}
          </button>
        )}
        {mode === 'sign-in' && (
          <>
            <button type="button" class="btn btn--secondary" onClick={() => switchTo('first')}>
              {at(lang, 'firstPin')}
            </button>
            <button type="button" class="btn btn--secondary" onClick={() => switchTo('site')}>
              {at(lang, 'newSite')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}

function SignInForm(props: {
  lang: AdminLanguage;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string, pin: string) => void;
}) {
  const { lang } = props;
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  return (
    <form
      class="admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(name, pin);
        setPin('');
      }}
    >
      <h1>{at(lang, 'signInTitle')}</h1>
      <p>{at(lang, 'signInLead')}</p>
      <Refusal error={props.error} />
      <label>
        {at(lang, 'name')}
        <input
          name="name"
          autoComplete="username"
          required
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label>
        {at(lang, 'pin')}
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          required
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn btn--primary" disabled={props.busy}>
        {at(lang, 'signIn')}
      </button>
    </form>
  );
}

/** A code (set-up or bootstrap), a name when asked, and a new PIN typed twice. */
function NewPinForm(props: {
  lang: AdminLanguage;
  busy: boolean;
  error: unknown;
  title: string;
  lead: string;
  codeLabel: string;
  withName?: boolean;
  submit: string;
  onSubmit: (code: string, name: string, pin: string) => void;
}) {
  const { lang } = props;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      class="admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        const issue = pinIssue(pin);
        if (issue !== null || pin !== again) {
          setProblem(issue === null ? at(lang, 'pinsDiffer') : lang === 'id' ? issue.id : issue.en);
          return;
        }
        setProblem(null);
        props.onSubmit(code.trim(), name.trim(), pin);
        setPin('');
        setAgain('');
      }}
    >
      <h1>{props.title}</h1>
      <p>{props.lead}</p>
      <Refusal error={problem ?? props.error} />
      <label>
        {props.codeLabel}
        <input
          name="code"
          autoComplete="off"
          required
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      {props.withName && (
        <label>
          {at(lang, 'name')}
          <input
            name="name"
            autoComplete="name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      )}
      <label>
        {at(lang, 'newPin')}
        <input
          name="new-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          required
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value)}
        />
      </label>
      <label>
        {at(lang, 'repeatPin')}
        <input
          name="repeat-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          required
          value={again}
          onInput={(e) => setAgain(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn btn--primary" disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  );
}
