/**
 * Personal data a service asks for (UU 27/2022): why, how long it is kept, each field typed
 * on a number pad and shown masked, and the citizen's consent — unticked until they tick
 * it. "Lewati" is as large as "Setuju": the ticket never depends on it. The values go to
 * the kiosk's outbox through the machine's port; the flow keeps only their masks.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useState } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import {
  maskPersonal,
  PERSONAL_MAX_DIGITS,
  type PersonalField,
  validPersonal,
} from '../../../domain/personal-data';
import { currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';

const DIGITS = [...'1234567890'];

export function Personal() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const asked = currentService(ctx)?.personalData;
  const [values, setValues] = useState<Record<string, string>>({});
  const [active, setActive] = useState(asked?.fields[0]?.id ?? '');
  const [consent, setConsent] = useState(false);
  if (!asked) return null;
  const field = asked.fields.find((f) => f.id === active) ?? asked.fields[0];
  const type = (digit: string) => {
    if (!field) return;
    const now = values[field.id] ?? '';
    if (now.length < PERSONAL_MAX_DIGITS[field.kind])
      setValues({ ...values, [field.id]: now + digit });
  };
  const filled = asked.fields.every((f) => validPersonal(f.kind, values[f.id] ?? ''));
  const save = () => {
    const fields: PersonalField[] = asked.fields.map((f) => ({
      id: f.id,
      kind: f.kind,
      value: values[f.id] ?? '',
    }));
    send({
      type: 'personal.done',
      fields,
      shown: asked.fields.map((f) => ({
        label: f.label,
        masked: maskPersonal(values[f.id] ?? ''),
      })),
    });
  };
  return (
    <Screen
      title={tr('personal.title')}
      actions={
        <>
          <Button onClick={() => send({ type: 'personal.done', fields: null, shown: [] })}>
            {tr('personal.skip')}
          </Button>
          <Button variant="primary" disabled={!consent || !filled} onClick={save}>
            {tr('personal.save')}
          </Button>
        </>
      }
    >
      <p class="lead">{tr('personal.purpose', { purpose: localized(asked.purpose, ctx.lang) })}</p>
      <p>{tr('personal.kept', { days: ctx.config.site.privacy.retentionDays })}</p>
      <div class="personal-fields">
        {asked.fields.map((f) => {
          const value = values[f.id] ?? '';
          const ok = validPersonal(f.kind, value);
          return (
            <Button
              key={f.id}
              variant="choice"
              class="personal-field"
              aria-pressed={f.id === field?.id}
              onClick={() => setActive(f.id)}
            >
              <span class="personal-label">{localized(f.label, ctx.lang)}</span>
              <span class="personal-value">{value ? maskPersonal(value) : '—'}</span>
              {!ok && (
                <span class="note">
                  {tr(f.kind === 'phone' ? 'personal.phone' : 'personal.nik')}
                </span>
              )}
            </Button>
          );
        })}
      </div>
      <fieldset class="personal-keys" aria-label={tr('personal.keypad')}>
        {DIGITS.map((digit) => (
          <Button key={digit} onClick={() => type(digit)}>
            {digit}
          </Button>
        ))}
        <Button
          class="personal-erase"
          onClick={() =>
            field && setValues({ ...values, [field.id]: (values[field.id] ?? '').slice(0, -1) })
          }
        >
          {tr('personal.erase')}
        </Button>
      </fieldset>
      <label class="personal-consent">
        <input
          type="checkbox"
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
        />
        {tr('personal.consent')}
      </label>
    </Screen>
  );
}
