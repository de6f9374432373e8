// @vitest-environment node
/**
 * A device's health report: kept as its last word and shown on the admin's device list; a
 * bad or oversized report is refused and the one before stays.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdminDeviceSummary } from '../../../src/domain/protocol';
import { call, type Harness, json, NOW, seedAdmin, seedDevice, startHarness } from './support';

let h: Harness;
let admin: string;
let kiosk: { deviceId: string; token: string };

beforeEach(async () => {
  h = await startHarness();
  admin = await seedAdmin(h.store);
  kiosk = await seedDevice(h.store);
  return () => h.store.close();
});

const REPORT = {
  app: '0.1.0+2026-12-05T07.02',
  config: 'c0ffee',
  pending: 12,
  oldestPendingAt: NOW - 60_000,
  storage: { usage: 5_242_880, quota: 2_147_483_648, persisted: true },
  lastError: null,
};
const report = (body: unknown) => call(h, 'POST', '/sync/health', { token: kiosk.token, body });
const listed = async () =>
  (
    await json<{ devices: AdminDeviceSummary[] }>(
      await call(h, 'GET', '/admin/devices', { token: admin }),
    )
  ).devices.find((d) => d.deviceId === kiosk.deviceId);

describe('device health', () => {
  it('shows the last report on the admin’s device list, with when it came', async () => {
    const before = await listed();

    const answer = await report(REPORT);
    const after = await listed();

    expect(before).toMatchObject({ health: null, healthAt: null });
    expect(answer.status).toBe(200);
    expect(after).toMatchObject({ health: REPORT, healthAt: NOW });
  });

  it('refuses a bad or oversized report and keeps the one before', async () => {
    await report(REPORT);
    const bad = [
      { ...REPORT, pending: -1 },
      { ...REPORT, lastError: 'x'.repeat(201) },
      { ...REPORT, app: 'x'.repeat(41) },
      { ...REPORT, storage: { usage: 1 } },
      { ...REPORT, nik: '3171234567890001' },
    ];

    const answers = await Promise.all(bad.map((body) => report(body)));
    const fromAdmin = await call(h, 'POST', '/sync/health', { token: admin, body: REPORT });

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(fromAdmin.status).toBe(403);
    expect((await listed())?.health).toEqual(REPORT);
  });
});
