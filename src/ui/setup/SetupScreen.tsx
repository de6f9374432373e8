/**
 * The staff form shown once, before a device is enrolled: the one-time enrollment code
 * an admin created, the device's name and its profile. Never submits invalid input.
 */
import { useState } from 'preact/hooks';
import type { Profile } from '../../domain/config/schema';
import { Button } from '../components/Button/Button';
import { SETUP_TEXT, type SetupTextKey } from './setup-text';
import {
  type SetupErrors,
  type SetupField,
  type SetupValues,
  validateSetup,
} from './validate-setup';

type SetupProps = {
  profiles: Profile[];
  onSubmit: (values: SetupValues) => void;
  /** An error from enrolling (wrong code, server unreachable), shown above the form. */
  error?: { id: string; en: string };
  busy?: boolean;
  /**
   * A device enrolled before whose token the server refused (revoked): its name and
   * profile filled in, the words of enrolling again, and a way back without enrolling.
   */
  again?: { name: string; profileId: string; onCancel: () => void; words: AgainWords };
};

/** The words of enrolling again, brought by the re-enrollment's own chunk. */
export type AgainWords = Record<
  'title' | 'intro' | 'submit' | 'cancel',
  { id: string; en: string }
>;

/** Indonesian, then English in a quieter span. */
function Both({ text }: { text: { id: string; en: string } }) {
  return (
    <>
      {text.id}{' '}
      <span lang="en" class="second-language">
        {text.en}
      </span>
    </>
  );
}

const say = (key: SetupTextKey) => <Both text={SETUP_TEXT[key]} />;

/**
 * The code an admin's QR code carries (/admin: `…/kiosk#kode=ABCD-EFGH`), or ''. The hash
 * never reaches the server or its logs.
 */
function codeFromAddress(): string {
  const hash = globalThis.location?.hash ?? '';
  return new URLSearchParams(hash.slice(1)).get('kode') ?? '';
}

/** The device enrollment form. */
export function SetupScreen({ profiles, onSubmit, error, busy, again }: SetupProps) {
  // The route offers only the profiles this surface may be enrolled as.
  const usable = profiles;
  const [values, setValues] = useState<SetupValues>({
    code: codeFromAddress(),
    name: again?.name ?? '',
    profileId: again?.profileId ?? (usable.length === 1 ? (usable[0]?.id ?? '') : ''),
  });
  const [errors, setErrors] = useState<SetupErrors>({});
  const set = (field: keyof SetupValues) => (e: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: e.currentTarget.value });
  const submit = (event: Event) => {
    event.preventDefault();
    const result = validateSetup(values, profiles);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) onSubmit(result.values);
  };
  const field = (name: SetupField) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `setup-${name}-error` : undefined,
  });
  return (
    <div class="kiosk" lang="id">
      <main class="screen setup">
        <h1 class="screen-title">{again ? <Both text={again.words.title} /> : say('title')}</h1>
        <p class="lead">{again ? <Both text={again.words.intro} /> : say('intro')}</p>
        {error && (
          <p role="alert" class="notice">
            <Both text={error} />
          </p>
        )}
        {usable.length === 0 && <p class="notice">{say('noProfiles')}</p>}
        <form class="form" noValidate onSubmit={submit}>
          <label for="setup-code">{say('code')}</label>
          <input
            id="setup-code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            value={values.code}
            onInput={set('code')}
            {...field('code')}
          />
          <FieldError field="code" message={errors.code} />
          <label for="setup-name">{say('name')}</label>
          <input
            id="setup-name"
            type="text"
            autocomplete="off"
            value={values.name}
            onInput={set('name')}
            {...field('name')}
          />
          <FieldError field="name" message={errors.name} />
          <label for="setup-profile">{say('profile')}</label>
          <select
            id="setup-profile"
            value={values.profileId}
            onChange={set('profileId')}
            {...field('profile')}
          >
            <option value="">{SETUP_TEXT.chooseProfile.id}</option>
            {usable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError field="profile" message={errors.profile} />
          <Button type="submit" variant="primary" disabled={busy}>
            {again ? <Both text={again.words.submit} /> : say('submit')}
          </Button>
          {again && (
            <Button type="button" variant="secondary" onClick={again.onCancel} disabled={busy}>
              <Both text={again.words.cancel} />
            </Button>
          )}
        </form>
      </main>
    </div>
  );
}

function FieldError(props: { field: SetupField; message: { id: string; en: string } | undefined }) {
  if (!props.message) return null;
  return (
    <p id={`setup-${props.field}-error`} class="field-error">
      <Both text={props.message} />
    </p>
  );
}
