/**
 * The staff form shown once, before a device is set up: its name, its profile, and its
 * number in the building (1–26, which also names its emergency number range A–Z).
 * Never submits invalid input.
 */
import '../styles/kiosk.css';
import { useState } from 'preact/hooks';
import type { Profile } from '../../domain/config/schema';
import { t } from '../../domain/i18n/strings';
import { Button } from '../components/Button/Button';
import { deviceProfiles, type SetupField, type SetupValues, validateSetup } from './validate-setup';

type SetupProps = {
  profiles: Profile[];
  onSubmit: (values: SetupValues) => void;
  /** An error from saving (e.g. storage), shown above the form. */
  error?: string;
};

/** The device setup form. */
export function SetupScreen({ profiles, onSubmit, error }: SetupProps) {
  const usable = deviceProfiles(profiles);
  const [name, setName] = useState('');
  const [profileId, setProfileId] = useState(usable.length === 1 ? (usable[0]?.id ?? '') : '');
  const [slot, setSlot] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const result = validateSetup({ name, profileId, slot }, profiles);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.values);
  };
  const invalid = (field: SetupField) => (errors[field] ? true : undefined);
  const describe = (field: SetupField, hint?: string) =>
    [hint, errors[field] && `setup-${field}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="kiosk" lang="id">
      <main class="screen setup">
        <h1 class="screen-title">{t('id', 'setup.title')}</h1>
        {error && (
          <p role="alert" class="notice">
            {error}
          </p>
        )}
        {usable.length === 0 && <p class="notice">{t('id', 'setup.noProfiles')}</p>}
        <form class="form" noValidate onSubmit={submit}>
          <label for="setup-name">{t('id', 'setup.name')}</label>
          <input
            id="setup-name"
            type="text"
            autocomplete="off"
            value={name}
            aria-invalid={invalid('name')}
            aria-describedby={describe('name')}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <FieldError field="name" message={errors.name} />
          <label for="setup-profile">{t('id', 'setup.profile')}</label>
          <select
            id="setup-profile"
            value={profileId}
            aria-invalid={invalid('profile')}
            aria-describedby={describe('profile')}
            onChange={(e) => setProfileId(e.currentTarget.value)}
          >
            <option value="">{t('id', 'setup.chooseProfile')}</option>
            {usable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError field="profile" message={errors.profile} />
          <label for="setup-slot">{t('id', 'setup.slot')}</label>
          <input
            id="setup-slot"
            type="number"
            inputMode="numeric"
            min={1}
            max={26}
            step={1}
            value={slot}
            aria-invalid={invalid('slot')}
            aria-describedby={describe('slot', 'setup-slot-hint')}
            onInput={(e) => setSlot(e.currentTarget.value)}
          />
          <p id="setup-slot-hint" class="note">
            {t('id', 'setup.slotHint')}
          </p>
          <FieldError field="slot" message={errors.slot} />
          <Button type="submit" variant="primary">
            {t('id', 'setup.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}

function FieldError(props: { field: SetupField; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p id={`setup-${props.field}-error`} class="field-error">
      {props.message}
    </p>
  );
}
