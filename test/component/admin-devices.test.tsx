/**
 * The admin's device list: a profile picker per live device, applied by its own button; a
 * test print asked and where it stands; a device taken back after a revocation; a
 * supervisor reads it all without the actions.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AdminDeviceSummary } from '../../src/domain/protocol';
import { Devices } from '../../src/ui/admin/Devices';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';

const AT = Date.UTC(2025, 10, 3, 2, 0, 0);
const config = kioskBundle({
  profiles: [kioskProfile(), kioskProfile({ id: 'loket', name: 'Loket', surface: 'counter' })],
});
const HEALTH = {
  app: '1.0.0',
  config: 'v1',
  pending: 0,
  oldestPendingAt: null,
  storage: { usage: null, quota: null, persisted: null },
  lastError: null,
};
const device = (name: string, over: Partial<AdminDeviceSummary> = {}): AdminDeviceSummary => ({
  deviceId: `id-${name}`,
  name,
  profileId: 'lobi-utama',
  emergencyTag: 'A',
  enrolledAt: AT - 86_400_000,
  revokedAt: null,
  lastSeenAt: AT,
  lastSeq: 3,
  testPrintAt: null,
  reenrolledAt: null,
  health: null,
  healthAt: null,
  ...over,
});

const LIST = [
  device('Anjungan 1'),
  device('Anjungan 2', {
    testPrintAt: AT,
    reenrolledAt: AT - 3_600_000,
  }),
  device('Anjungan 3', {
    health: {
      ...HEALTH,
      testPrint: { askedAt: AT, outcome: 'failed', reason: 'paper out', at: AT },
    },
    healthAt: AT,
  }),
  device('Anjungan 4', { revokedAt: AT }),
];

function show(canWrite: boolean) {
  const actions = {
    devices: vi.fn(async () => LIST),
    enrollment: vi.fn(),
    revokeDevice: vi.fn(async () => {}),
    setDeviceProfile: vi.fn(async () => {}),
    askTestPrint: vi.fn(async () => {}),
  };
  render(<Devices lang="id" config={config} actions={actions} canWrite={canWrite} origin="" />);
  return actions;
}
const row = (name: string) => within(screen.getByRole('row', { name: new RegExp(name) }));

describe('admin UI: devices', () => {
  it('changes a device’s profile with its own button, and says when the device takes it', async () => {
    const actions = show(true);
    await screen.findByText('Anjungan 1');
    const apply = row('Anjungan 1').getByRole('button', { name: 'Terapkan profil Anjungan 1' });

    const disabledBefore = (apply as HTMLButtonElement).disabled;
    fireEvent.change(row('Anjungan 1').getByRole('combobox', { name: 'Profil Anjungan 1' }), {
      target: { value: 'loket' },
    });
    fireEvent.click(apply);

    expect(disabledBefore).toBe(true);
    await waitFor(() =>
      expect(actions.setDeviceProfile).toHaveBeenCalledWith('id-Anjungan 1', 'loket'),
    );
    expect((await screen.findByRole('status')).textContent).toMatch(/sinkron berikutnya/);
    await waitFor(() => expect(actions.devices).toHaveBeenCalledTimes(2));
  });

  it('asks a test print and shows where each stands; a re-enrolled device says so', async () => {
    const actions = show(true);
    await screen.findByText('Anjungan 1');

    fireEvent.click(row('Anjungan 1').getByRole('button', { name: 'Cetak uji di Anjungan 1' }));

    await waitFor(() => expect(actions.askTestPrint).toHaveBeenCalledWith('id-Anjungan 1'));
    expect(row('Anjungan 1').getByText(/Cetak uji: Belum pernah diminta/)).toBeTruthy();
    expect(row('Anjungan 2').getByText(/Cetak uji: Diminta .*sinkron berikutnya/)).toBeTruthy();
    expect(row('Anjungan 2').getByText(/Didaftarkan ulang /)).toBeTruthy();
    expect(row('Anjungan 3').getByText(/Cetak uji: Gagal .*: paper out/)).toBeTruthy();
    expect(row('Anjungan 4').queryAllByRole('button')).toEqual([]);
    expect(row('Anjungan 4').getByText(/Daftarkan ulang/)).toBeTruthy();
  });

  it('shows a supervisor the profiles and test prints without any action', async () => {
    show(false);
    await screen.findByText('Anjungan 1');

    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(row('Anjungan 1').getByText('Lobi utama')).toBeTruthy();
  });
});
