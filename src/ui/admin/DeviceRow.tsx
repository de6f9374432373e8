/**
 * One device in the admin's list: its profile (a picker of the active config's profiles
 * for an admin), letter, last contact, events, status (revoked, taken back), health and
 * test print, and an admin's actions: a test print and revoking it.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AdminDeviceSummary } from '../../domain/protocol';
import { Health, TestPrintState } from './DeviceHealth';
import { when } from './shared';
import { type AdminLanguage, at } from './text';

/** What a row asks of the section: each runs, then the list is read again. */
export type DeviceRowActions = {
  setProfile(device: AdminDeviceSummary, profileId: string): void;
  testPrint(device: AdminDeviceSummary): void;
  revoke(device: AdminDeviceSummary): void;
};

export function DeviceRow(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  device: AdminDeviceSummary;
  canWrite: boolean;
  actions: DeviceRowActions;
}) {
  const { lang, config, device, actions } = props;
  const timeZone = config.site.timeZone;
  const live = device.revokedAt === null;
  const profileName = config.profiles.find((p) => p.id === device.profileId)?.name;
  return (
    <tr>
      <th scope="row">{device.name}</th>
      <td>
        {props.canWrite && live ? (
          <ProfilePicker lang={lang} config={config} device={device} actions={actions} />
        ) : (
          (profileName ?? device.profileId)
        )}
      </td>
      <td>{device.emergencyTag}</td>
      <td>
        {device.lastSeenAt === null ? at(lang, 'never') : when(device.lastSeenAt, timeZone, lang)}
      </td>
      <td class="admin-number">{device.lastSeq.toLocaleString('id-ID')}</td>
      <td>
        {live
          ? at(lang, 'active')
          : at(lang, 'revokedAt', { time: when(device.revokedAt ?? 0, timeZone, lang) })}
        {device.reenrolledAt !== null && live && (
          <>
            <br />
            {at(lang, 'reenrolledAt', { time: when(device.reenrolledAt, timeZone, lang) })}
          </>
        )}
        {!live && props.canWrite && <p class="admin-hint">{at(lang, 'reenrollHint')}</p>}
      </td>
      <td>
        <Health lang={lang} device={device} timeZone={timeZone} />
        <p class="admin-hint">
          {at(lang, 'colPrint')}: <TestPrintState lang={lang} device={device} timeZone={timeZone} />
        </p>
      </td>
      {props.canWrite && (
        <td>
          {live && (
            <div class="admin-row-actions">
              <button
                type="button"
                class="btn btn--secondary"
                aria-label={at(lang, 'testPrintOf', { name: device.name })}
                onClick={() => actions.testPrint(device)}
              >
                {at(lang, 'testPrint')}
              </button>
              <button
                type="button"
                class="btn btn--secondary"
                aria-label={`${at(lang, 'revoke')} ${device.name}`}
                onClick={() => actions.revoke(device)}
              >
                {at(lang, 'revoke')}
              </button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

/** The active config's profiles, the device's chosen; applied by its own button. */
function ProfilePicker(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  device: AdminDeviceSummary;
  actions: DeviceRowActions;
}) {
  const { lang, device } = props;
  const [chosen, setChosen] = useState(device.profileId);
  const known = props.config.profiles.some((p) => p.id === device.profileId);
  return (
    <form
      class="admin-profile"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== device.profileId) props.actions.setProfile(device, chosen);
      }}
    >
      <select
        aria-label={at(lang, 'profileOf', { name: device.name })}
        value={chosen}
        onChange={(e) => setChosen(e.currentTarget.value)}
      >
        {!known && <option value={device.profileId}>{device.profileId}</option>}
        {props.config.profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        class="btn btn--secondary"
        aria-label={at(lang, 'applyProfileOf', { name: device.name })}
        disabled={chosen === device.profileId}
      >
        {at(lang, 'applyProfile')}
      </button>
    </form>
  );
}
