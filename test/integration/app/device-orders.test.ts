/**
 * The device following what the server holds for it (src/app/device-orders.ts): a new
 * profile written to its one identity record and the page restarted at an idle moment;
 * a test print made once per ask, only while idle, kept and reported.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followOrders } from '../../../src/app/device-orders';
import * as swUpdate from '../../../src/app/sw-update';
import type { PrintOutcome } from '../../../src/printing/printer';
import type { PrintDocument } from '../../../src/printing/ticket-layout';
import {
  type AnjunganDatabase,
  type DeviceIdentity,
  openAnjunganDb,
} from '../../../src/storage/db';
import { readIdentity, saveIdentity } from '../../../src/storage/device';
import { readTestPrint } from '../../../src/storage/test-print';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';

const ASKED = Date.UTC(2025, 10, 3, 2, 0, 0);
const config = kioskBundle({
  profiles: [
    kioskProfile(),
    kioskProfile({ id: 'loket', name: 'Loket', surface: 'counter' }),
    kioskProfile({
      id: 'tanpa-printer',
      printer: { kind: 'none', paperWidth: 58, autoPrint: false },
    }),
  ],
});
const identity: DeviceIdentity = {
  deviceId: '0190a0b0-0000-7000-8000-000000000001',
  siteId: config.site.id,
  name: 'Anjungan 1',
  profileId: 'lobi-utama',
  emergencyTag: 'A',
  token: 'token-anjungan-1-xxxxxxxx',
  enrolledAt: ASKED - 86_400_000,
};

let db: AnjunganDatabase;
let printed: PrintDocument[];
let reports: number;
let idle: boolean;
const deps = (
  print = async (_p: unknown, doc: PrintDocument): Promise<PrintOutcome> => {
    printed.push(doc);
    return { ok: true };
  },
) => ({ db, config: () => config, now: () => ASKED + 5_000, report: () => void reports++, print });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
  await saveIdentity(db, identity);
  printed = [];
  reports = 0;
  idle = true;
  swUpdate.setUpdateGate(() => idle);
  return () => swUpdate.setUpdateGate(null);
});

describe('a profile an admin set', () => {
  it('is written to the identity and the page restarts when idle', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    idle = false;

    await followOrders(deps(), { profileId: 'loket', testPrintAt: null });
    const whileBusy = reload.mock.calls.length;
    idle = true;
    swUpdate.tryApplyUpdate();

    expect((await readIdentity(db))?.profileId).toBe('loket');
    expect(whileBusy).toBe(0);
    expect(reload).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it('waits while the device’s config does not know the profile yet', async () => {
    await followOrders(deps(), { profileId: 'profil-baru', testPrintAt: null });

    expect((await readIdentity(db))?.profileId).toBe('lobi-utama');
  });
});

describe('a test print an admin asked for', () => {
  it('prints once in both languages, keeps and reports the outcome', async () => {
    await followOrders(deps(), { profileId: 'lobi-utama', testPrintAt: ASKED });
    await followOrders(deps(), { profileId: 'lobi-utama', testPrintAt: ASKED });

    const text = printed[0]?.lines.map((l) => l.text).join('\n') ?? '';
    expect(printed).toHaveLength(1);
    expect(text).toContain('CETAK UJI');
    expect(text).toContain('Test print');
    expect(text).toContain(config.site.name.id);
    expect(text).toContain('Anjungan 1');
    expect(text).toContain('browser 80 mm');
    expect(await readTestPrint(db)).toEqual({
      askedAt: ASKED,
      outcome: 'printed',
      reason: null,
      at: ASKED + 5_000,
    });
    expect(reports).toBe(2);
  });

  it('waits while a citizen is mid-flow', async () => {
    idle = false;

    await followOrders(deps(), { profileId: 'lobi-utama', testPrintAt: ASKED });

    expect(printed).toEqual([]);
    expect(await readTestPrint(db)).toBeNull();
  });

  it('reports a printer that failed, with why, and a device without a printer', async () => {
    const jammed = async () => ({
      ok: false as const,
      reason: 'failed' as const,
      detail: 'paper out',
    });

    await followOrders(deps(jammed), { profileId: 'lobi-utama', testPrintAt: ASKED });
    const failed = await readTestPrint(db);
    await saveIdentity(db, { ...identity, profileId: 'tanpa-printer' });
    await followOrders(deps(), { profileId: 'tanpa-printer', testPrintAt: ASKED + 1 });

    expect(failed).toMatchObject({ outcome: 'failed', reason: 'failed: paper out' });
    expect(await readTestPrint(db)).toMatchObject({ askedAt: ASKED + 1, outcome: 'no_printer' });
    expect(printed).toEqual([]);
  });
});
