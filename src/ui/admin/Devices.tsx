/**
 * The site's devices: each with its profile, emergency letter, last contact and events
 * sent; enroll a new one (a one-time code, with the address to open and its QR code); revoke
 * one, after saying what that does. A supervisor sees the list without the actions.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { CreateEnrollmentResponse, DeviceSummary } from '../../domain/protocol';
import { AddressQr } from './AddressQr';
import { Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type DeviceActions = {
  devices(): Promise<DeviceSummary[]>;
  enrollment(label: string): Promise<CreateEnrollmentResponse>;
  revokeDevice(deviceId: string): Promise<void>;
};

/** Where a new device opens, by the surface its profile has. */
const SURFACE_PATHS = {
  kiosk: '/kiosk',
  counter: '/counter',
  display: '/display',
  mobile: '/mobile',
} as const;
type Surface = keyof typeof SURFACE_PATHS;

export function Devices(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: DeviceActions;
  canWrite: boolean;
  origin: string;
}) {
  const { lang, config, actions, canWrite } = props;
  const list = useLoaded(actions.devices);
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timeZone = config.site.timeZone;
  const profileName = (id: string) => config.profiles.find((p) => p.id === id)?.name ?? id;
  const revoke = (device: DeviceSummary) => {
    setError(null);
    actions.revokeDevice(device.deviceId).then(() => {
      setConfirming(null);
      list.reload();
    }, setError);
  };
  return (
    <section class="admin-section" aria-labelledby="admin-devices">
      <h1 id="admin-devices">{at(lang, 'devicesTitle')}</h1>
      <p>{at(lang, 'devicesLead')}</p>
      {canWrite && <Enroll lang={lang} config={config} actions={actions} origin={props.origin} />}
      <Refusal error={error} />
      {confirming && (
        <div class="admin-confirm" role="alertdialog" aria-labelledby="admin-revoke-question">
          <p id="admin-revoke-question">{at(lang, 'revokeConfirm', { name: confirming.name })}</p>
          <div class="admin-actions">
            <button type="button" class="btn btn--danger" onClick={() => revoke(confirming)}>
              {at(lang, 'confirmRevoke')}
            </button>
            <button type="button" class="btn btn--secondary" onClick={() => setConfirming(null)}>
              {at(lang, 'cancel')}
            </button>
          </div>
        </div>
      )}
      {list.value === null ? (
        <Pending lang={lang} error={list.error} retry={list.reload} />
      ) : list.value.length === 0 ? (
        <p>{at(lang, 'noDevices')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colName')}</th>
              <th scope="col">{at(lang, 'colProfile')}</th>
              <th scope="col">{at(lang, 'colTag')}</th>
              <th scope="col">{at(lang, 'colLastSeen')}</th>
              <th scope="col">{at(lang, 'colEvents')}</th>
              <th scope="col">{at(lang, 'colStatus')}</th>
              {canWrite && <th scope="col">{at(lang, 'colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.value.map((device) => (
              <tr key={device.deviceId}>
                <th scope="row">{device.name}</th>
                <td>{profileName(device.profileId)}</td>
                <td>{device.emergencyTag}</td>
                <td>
                  {device.lastSeenAt === null
                    ? at(lang, 'never')
                    : when(device.lastSeenAt, timeZone, lang)}
                </td>
                <td class="admin-number">{device.lastSeq.toLocaleString('id-ID')}</td>
                <td>
                  {device.revokedAt === null
                    ? at(lang, 'active')
                    : at(lang, 'revokedAt', { time: when(device.revokedAt, timeZone, lang) })}
                </td>
                {canWrite && (
                  <td>
                    {device.revokedAt === null && (
                      <button
                        type="button"
                        class="btn btn--secondary"
                        aria-label={`${at(lang, 'revoke')} ${device.name}`}
                        onClick={() => setConfirming(device)}
                      >
                        {at(lang, 'revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A one-time enrollment code for a new device, with where to open it and its QR code. */
function Enroll(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: DeviceActions;
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
