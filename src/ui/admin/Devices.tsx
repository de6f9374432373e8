/**
 * The site's devices: each with its profile (an admin may change it), emergency letter,
 * last contact, events sent, health and test print; enroll a new one (./DeviceEnroll.tsx);
 * ask a test print; revoke one, after saying what that does, and see it taken back by a
 * new code. A supervisor sees the list without the actions.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AdminDeviceSummary, CreateEnrollmentResponse } from '../../domain/protocol';
import { Enroll } from './DeviceEnroll';
import { DeviceRow } from './DeviceRow';
import { Confirm, Pending, Refusal, useLoaded } from './shared';
import { type AdminLanguage, at } from './text';

export type DeviceActions = {
  devices(): Promise<AdminDeviceSummary[]>;
  enrollment(label: string): Promise<CreateEnrollmentResponse>;
  revokeDevice(deviceId: string): Promise<void>;
  setDeviceProfile(deviceId: string, profileId: string): Promise<void>;
  askTestPrint(deviceId: string): Promise<void>;
};

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
  const [done, setDone] = useState<string | null>(null);
  /** Runs an action of a row; the list is read again after it, its word said. */
  const act = (action: Promise<void>, word: string | null) => {
    setError(null);
    setDone(null);
    action.then(() => {
      setConfirming(null);
      setDone(word);
      list.reload();
    }, setError);
  };
  const rowActions = {
    setProfile: (device: AdminDeviceSummary, profileId: string) =>
      act(
        actions.setDeviceProfile(device.deviceId, profileId),
        at(lang, 'profileApplied', { name: device.name }),
      ),
    testPrint: (device: AdminDeviceSummary) =>
      act(actions.askTestPrint(device.deviceId), at(lang, 'testPrintSent', { name: device.name })),
    revoke: (device: AdminDeviceSummary) => setConfirming(device),
  };
  return (
    <section class="admin-section" aria-labelledby="admin-devices">
      <h1 id="admin-devices">{at(lang, 'devicesTitle')}</h1>
      <p>{at(lang, 'devicesLead')}</p>
      {canWrite && <Enroll lang={lang} config={config} actions={actions} origin={props.origin} />}
      <Refusal error={error} />
      <p class="admin-done" role="status">
        {done}
      </p>
      {confirming && (
        <Confirm
          id="admin-revoke-question"
          question={at(lang, 'revokeConfirm', { name: confirming.name })}
          confirm={at(lang, 'confirmRevoke')}
          cancel={at(lang, 'cancel')}
          onConfirm={() => act(actions.revokeDevice(confirming.deviceId), null)}
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
              <DeviceRow
                key={device.deviceId}
                lang={lang}
                config={config}
                device={device}
                canWrite={canWrite}
                actions={rowActions}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
