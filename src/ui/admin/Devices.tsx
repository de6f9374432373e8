/**
 * The site's devices: each with its profile, emergency letter, last contact and events
 * sent; enroll a new one (a one-time code, with the address to open and its QR code); revoke
 * one, after saying what that does. A supervisor sees the list without the actions.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import { formatClock } from '../../domain/format';
import type { AdminDeviceSummary, CreateEnrollmentResponse } from '../../domain/protocol';
import type { TimeZone } from '../../domain/time';
import { AddressQr } from './AddressQr';
import { Confirm, Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type DeviceActions = {
  devices(): Promise<AdminDeviceSummary[]>;
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
  const [confirming, setConfirming] = useState<AdminDeviceSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timeZone = config.site.timeZone;
  const profileName = (id: string) => config.profiles.find((p) => p.id === id)?.name ?? id;
  const revoke = (device: AdminDeviceSummary) => {
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
        <Confirm
          id="admin-revoke-question"
          question={at(lang, 'revokeConfirm', { name: confirming.name })}
          confirm={at(lang, 'confirmRevoke')}
          cancel={at(lang, 'cancel')}
          onConfirm={() => revoke(confirming)}
          onCancel={() => setConfirming(null)}
        />
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
              <th scope="col">{at(lang, 'colHealth')}</th>
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
                <td>
                  <Health lang={lang} device={device} timeZone={timeZone} />
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

const MB = 1_048_576;

/** What the device last said of itself (POST /sync/health), or that it has not yet. */
function Health(props: { lang: AdminLanguage; device: AdminDeviceSummary; timeZone: TimeZone }) {
  const { lang, device, timeZone } = props;
  const health = device.health;
  if (health === null || device.healthAt === null) return <>{at(lang, 'noHealth')}</>;
  const { usage, quota, persisted } = health.storage;
  return (
    <ul class="admin-health">
      <li>{at(lang, 'healthApp', { app: health.app, config: health.config.slice(0, 12) })}</li>
      <li>
        {health.pending === 0
          ? at(lang, 'healthSent')
          : at(lang, 'healthPending', {
              n: health.pending.toLocaleString('id-ID'),
              since:
                health.oldestPendingAt === null
                  ? '—'
                  : when(health.oldestPendingAt, timeZone, lang),
            })}
      </li>
      <li>
        {at(lang, 'healthStorage', {
          used: usage === null ? '—' : Math.ceil(usage / MB).toLocaleString('id-ID'),
          quota: quota === null ? '—' : Math.floor(quota / MB).toLocaleString('id-ID'),
        })}
        {' · '}
        {at(
          lang,
          persisted === true
            ? 'persisted'
            : persisted === false
              ? 'notPersisted'
              : 'persistUnknown',
        )}
      </li>
      {health.lastError !== null && <li>{at(lang, 'healthError', { error: health.lastError })}</li>}
      <li class="admin-health-at">
        {at(lang, 'healthAt', { time: formatClock(device.healthAt, timeZone) })}
      </li>
    </ul>
  );
}
