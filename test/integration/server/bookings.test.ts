// @vitest-environment node
/**
 * Bookings made elsewhere, through the admin: an export with a bad row is reported row by
 * row and stores nothing; the good one is stored and served to kiosks (and only changed
 * ones again); personal columns are named and never kept; an import that would crowd a day
 * past the bound is refused and leaves the next import unhurt.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BOOKINGS_A_DAY } from '../../../src/domain/booking-import';
import type { Booking } from '../../../src/domain/bookings';
import { kioskBundle } from '../../fixtures/kiosk';
import { call, type Harness, json, seedAdmin, seedDevice, startHarness } from './support';

let h: Harness;
let token: string;
let device: string;
beforeEach(async () => {
  h = await startHarness({ config: kioskBundle() });
  token = await seedAdmin(h.store);
  device = (await seedDevice(h.store)).token;
  return () => h.store.close();
});

const KTP = 'disdukcapil-ktp-el-cetak-ulang';
type Answer = {
  rows: { row: number; code: string; status: string; message: string }[];
  unknownColumns: string[];
  personalColumns: string[];
  crowdedDays: { day: string; most: number }[];
  saved: number | null;
};
const importText = async (text: string, save: boolean, format: 'csv' | 'json' = 'csv') =>
  json<Answer>(
    await call(h, 'POST', '/admin/bookings/import', { token, body: { format, text, save } }),
  );
const dayList = async (day: string) =>
  (
    await json<{ bookings: Booking[] }>(
      await call(h, 'GET', `/admin/bookings?day=${day}`, { token }),
    )
  ).bookings;

// The harness's clock: 2025-11-03, 09:00 in Jakarta.
const HEADER = 'kode;tanggal;layanan;jam_mulai;jam_selesai;nama;nik;catatan';
const GOOD = [
  `mppd-0001;2025-11-03;${KTP};10:00;10:30;Budi;3171000000000001;x`,
  `MPPD-0002;2025-11-05;${KTP};;;Siti;3171000000000002;`,
];

describe('the bookings import', () => {
  it('reports every row, stores nothing when one is refused, then stores the good export', async () => {
    const refused = await importText(
      [
        HEADER,
        ...GOOD,
        `MPPD-0003;2025-11-01;${KTP};;;;;`,
        `MPPD-0004;2025-11-04;tidak-ada;;;;;`,
        `MPPD-0001;2025-11-04;${KTP};;;;;`,
        `??;2025-11-04;${KTP};;;;;`,
        `MPPD-0005;2025-11-04;${KTP};10:00;09:00;;;`,
      ].join('\n'),
      true,
    );
    const afterRefusal = await dayList('2025-11-03');
    const accepted = await importText([HEADER, ...GOOD].join('\n'), true);

    expect(refused.rows.map((r) => [r.row, r.code, r.status])).toEqual([
      [2, 'MPPD-0001', 'added'],
      [3, 'MPPD-0002', 'added'],
      [4, 'MPPD-0003', 'refused'],
      [5, 'MPPD-0004', 'refused'],
      [6, 'MPPD-0001', 'refused'],
      [7, '??', 'refused'],
      [8, 'MPPD-0005', 'refused'],
    ]);
    expect(refused.rows[2]?.message).toContain('sudah lewat');
    expect(refused.rows[3]?.message).toContain("layanan 'tidak-ada'");
    expect(refused.rows[4]?.message).toContain('baris sebelumnya');
    expect(refused.rows[6]?.message).toContain('jam selesai');
    expect(refused.personalColumns).toEqual(['nama', 'nik']);
    expect(refused.unknownColumns).toEqual(['catatan']);
    expect(refused.saved).toBeNull();
    expect(afterRefusal).toEqual([]);
    expect(accepted.saved).toBe(2);
    expect(await dayList('2025-11-03')).toEqual([
      { code: 'MPPD-0001', day: '2025-11-03', serviceId: KTP, from: '10:00', to: '10:30' },
    ]);
  });

  it('reads JSON too, and refuses a booking for another site', async () => {
    const answer = await importText(
      JSON.stringify({
        bookings: [
          { code: 'J-0001', date: '2025-11-04', service: KTP, from: '13:00' },
          { code: 'J-0002', date: '2025-11-04', service: KTP, site: 'mpp-kota-lain' },
        ],
      }),
      false,
      'json',
    );

    expect(answer.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'added'],
      [2, 'refused'],
    ]);
    expect(answer.rows[1]?.message).toContain("MPP lain ('mpp-kota-lain')");
    expect(answer.saved).toBeNull();
  });

  it('refuses what cannot be read with a clear error and changes nothing', async () => {
    const noCode = await call(h, 'POST', '/admin/bookings/import', {
      token,
      body: { format: 'csv', text: 'tanggal;layanan\n2025-11-04;x', save: true },
    });
    const badJson = await call(h, 'POST', '/admin/bookings/import', {
      token,
      body: { format: 'json', text: '{"bookings": 3}', save: true },
    });

    expect(noCode.status).toBe(400);
    expect((await json<{ message: string }>(noCode)).message).toContain('kolom kode');
    expect(badJson.status).toBe(400);
    expect(await dayList('2025-11-04')).toEqual([]);
  });

  it('refuses an import that would crowd a day past the bound, and takes the next one', async () => {
    const rows = Array.from(
      { length: MAX_BOOKINGS_A_DAY + 1 },
      (_, i) => `B-${String(i).padStart(5, '0')};2025-11-04;${KTP}`,
    );
    const crowded = await importText(['kode;tanggal;layanan', ...rows].join('\n'), true);
    const next = await importText(['kode;tanggal;layanan', ...rows.slice(0, 10)].join('\n'), true);

    expect(crowded.crowdedDays).toEqual([{ day: '2025-11-04', most: MAX_BOOKINGS_A_DAY }]);
    expect(crowded.saved).toBeNull();
    expect(next.saved).toBe(10);
    expect((await dayList('2025-11-04')).length).toBe(10);
  });
});

describe('a kiosk’s bookings', () => {
  it('holds the days around today, and is told when nothing changed', async () => {
    await importText([HEADER, ...GOOD].join('\n'), true);

    const first = await call(h, 'GET', '/sync/bookings', { token: device });
    const held = await json<{ from: string; to: string; version: string; bookings: Booking[] }>(
      first,
    );
    const again = await call(h, 'GET', `/sync/bookings?version=${held.version}`, {
      token: device,
    });
    await importText(['kode;tanggal;layanan', `MPPD-0009;2025-11-04;${KTP}`].join('\n'), true);
    const changed = await call(h, 'GET', `/sync/bookings?version=${held.version}`, {
      token: device,
    });

    expect([held.from, held.to]).toEqual(['2025-10-27', '2025-11-10']);
    expect(held.bookings.map((b) => b.code)).toEqual(['MPPD-0001', 'MPPD-0002']);
    expect(JSON.stringify(held)).not.toContain('Budi');
    expect(again.status).toBe(204);
    expect(changed.status).toBe(200);
  });
});
