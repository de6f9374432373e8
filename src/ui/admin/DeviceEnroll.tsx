/**
 * Enrolling a device from the admin's Devices section: a one-time code, the address the
 * device opens (by the surface it will be) and that address as a QR code. The same code
 * takes a revoked device back when entered on its own screen ("Daftarkan ulang").
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { CreateEnrollmentResponse } from '../../domain/protocol';
import { AddressQr } from './AddressQr';
import { Refusal, when } from './shared';
import { type AdminLanguage, at } from './text';

/** Where a new device opens, by the surface its profile has. */
const SURFACE_PATHS = {
  kiosk: '/kiosk',
  counter: '/counter',
  display: '/display',
  mobile: '/mobile',
} as const;
type Surface = keyof typeof SURFACE_PATHS;

/** A one-time enrollment code for a new device, with where to open it and its QR code. */
export function Enroll(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: { enrollment(label: string): Promise<CreateEnrollmentResponse> };
  origin: string;
}) {
  const { lang } = props;
  const [label, setLabel] = useState('');
  const [surface, setSurface] = useState<Surface>('kiosk');
  const [made, setMade] = useState<(CreateEnrollmentResponse & { url: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (made) {
    return (
      <section class="admin-panel admin-code" aria-labelledby="admin-code-title">
        <h2 id="admin-code-title">{at(lang, 'codeTitle')}</h2>
        <p class="admin-code-value">{made.code}</p>
        <p>
          {at(lang, 'codeLead', {
            time: when(made.expiresAt, props.config.site.timeZone, lang),
          })}
        </p>
        <p>
          <code>{made.url}</code>
        </p>
        <AddressQr text={made.url} label={`${at(lang, 'codeTitle')}: ${made.url}`} />
        <button type="button" class="btn btn--secondary" onClick={() => setMade(null)}>
          {at(lang, 'close')}
        </button>
      </section>
    );
  }
  return (
    <form
      class="admin-panel admin-form admin-form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        props.actions.enrollment(label.trim()).then((answer) => {
          const url = `${props.origin}${SURFACE_PATHS[surface]}#kode=${encodeURIComponent(answer.code)}`;
          setMade({ ...answer, url });
          setLabel('');
        }, setError);
      }}
    >
      <h2>{at(lang, 'enroll')}</h2>
      <Refusal error={error} />
      <label>
        {at(lang, 'enrollLabel')}
        <input
          name="label"
          maxLength={64}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </label>
      <label>
        {at(lang, 'enrollFor')}
        <select
          name="surface"
          value={surface}
          onChange={(e) => setSurface(e.currentTarget.value as Surface)}
        >
          {(Object.keys(SURFACE_PATHS) as Surface[]).map((s) => (
            <option key={s} value={s}>
              {at(lang, `surface.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="btn btn--primary">
        {at(lang, 'makeCode')}
      </button>
    </form>
  );
}
