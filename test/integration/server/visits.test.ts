// @vitest-environment node
/**
 * MPP bergerak visits through the admin API: created, changed and removed as new config
 * versions devices pick up; refused with every issue when invalid, past or over, changing
 * nothing; and each visit's report (JSON and CSV) from what the mobile unit pushed.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/domain/config/schema';
import type { KioskEvent } from '../../../src/domain/events';
import type { AuditPage } from '../../../src/domain/protocol';
import { TicketStatusSchema } from '../../../src/domain/status-schema';
import type { VisitReport } from '../../../src/domain/visit-report';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, MOBILE_PROFILE_ID, withMobileUnit } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import { call, eventsOf, type Harness, json, seedAdmin, seedDevice, startHarness } from './support';

const KTP = 'disdukcapil-ktp-el-cetak-ulang';
const KK = 'disdukcapil-kk-perubahan';

/** A visit the day after the harness's today (2025-11-03). */
function visitBody(overrides: Partial<Visit> = {}): Omit<Visit, 'id'> {
  return {
    date: '2025-11-04',
    team: 'tim-1',
    kelurahan: 'Sukamaju',
    place: 'Balai Kelurahan Sukamaju',
    hours: { from: '08:00', to: '12:00' },
    services: [
      { service: KTP, quota: 20 },
      { service: KK, quota: 10 },
    ],
    ...overrides,
  };
}

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await startHarness({ config: withMobileUnit(kioskBundle()) });
  token = await seedAdmin(h.store);
  return () => h.store.close();
});

const put = (id: string, body: unknown) => call(h, 'PUT', `/admin/visits/${id}`, { token, body });
const configNow = async () =>
  json<{ version: string; visits: Visit[] }>(await call(h, 'GET', '/config'));
const audit = async () =>
  (await json<AuditPage>(await call(h, 'GET', '/admin/audit?limit=20', { token }))).entries;

describe('visits through the admin API', () => {
  it('creates a visit as a new config version that devices are served', async () => {
    // Arrange
    const before = await configNow();

    // Act
    const created = await put('sukamaju', visitBody());
    const after = await configNow();
    const health = await json<{ configVersion: string }>(await call(h, 'GET', '/health'));
    const stored = await h.store.activeConfig(h.config.site.id);

    // Assert
    expect(created.status).toBe(201);
    const answer = await json<{ version: string; visit: Visit }>(created);
    expect(answer.visit).toEqual({ id: 'sukamaju', ...visitBody() });
    expect(after.version).toBe(answer.version);
    expect(after.version).not.toBe(before.version);
    expect(after.visits.map((v) => v.id)).toEqual(['sukamaju']);
    expect(health.configVersion).toBe(answer.version);
    expect(stored).toMatchObject({ version: answer.version, source: 'admin' });
    expect((await audit())[0]).toMatchObject({
      action: 'visit.write',
      targetId: 'sukamaju',
      outcome: 'ok',
    });
  });

  it('changes a visit (200) and removes one, each a new version', async () => {
    // Arrange
    await put('sukamaju', visitBody());

    // Act
    const changed = await put('sukamaju', visitBody({ until: '2025-11-05' }));
    const removed = await call(h, 'DELETE', '/admin/visits/sukamaju', { token });

    // Assert
    expect(changed.status).toBe(200);
    expect((await json<{ visit: Visit }>(changed)).visit.until).toBe('2025-11-05');
    expect(removed.status).toBe(200);
    expect((await configNow()).visits).toEqual([]);
  });

  it.each([
    [
      'a service not in the catalogue',
      visitBody({ services: [{ service: 'tidak-ada', quota: 5 }] }),
      {
        path: 'visits/sukamaju.json $.services[0].service',
        message: "layanan 'tidak-ada' tidak ada",
      },
    ],
    [
      'a service not offered by mobile units',
      visitBody({ services: [{ service: 'imigrasi-paspor-baru', quota: 5 }] }),
      {
        path: 'visits/sukamaju.json $.services[0].service',
        message: 'tidak ditawarkan di MPP bergerak',
      },
    ],
    [
      'a quota of 0',
      visitBody({ services: [{ service: KTP, quota: 0 }] }),
      { path: 'visits/sukamaju.json $.services[0].quota', message: '' },
    ],
    [
      'a day in the past',
      visitBody({ date: '2025-11-02' }),
      {
        path: 'visits/sukamaju.json $.date',
        message: 'kunjungan sudah lewat (Minggu 2 November 2025',
      },
    ],
    [
      'no kelurahan',
      { ...visitBody(), kelurahan: undefined },
      { path: 'visits/sukamaju.json $.kelurahan', message: '' },
    ],
  ])('refuses %s with its issue, and changes nothing', async (_name, body, issue) => {
    // Arrange
    const before = await configNow();

    // Act
    const response = await put('sukamaju', body);

    // Assert
    expect(response.status).toBe(422);
    const answer = await json<{ error: string; issues: { path: string; message: string }[] }>(
      response,
    );
    expect(answer.error).toBe('invalid_visit');
    expect(answer.issues).toContainEqual({
      path: issue.path,
      message: expect.stringContaining(issue.message),
    });
    expect(await configNow()).toEqual(before);
    expect(await h.store.activeConfig(h.config.site.id)).toBeNull();
    expect((await audit())[0]).toMatchObject({ action: 'visit.write', outcome: 'invalid_visit' });
  });

  it('refuses a visit that puts a team in two places on one day, naming the other visit', async () => {
    // Arrange
    await put('sukamaju', visitBody({ until: '2025-11-05' }));

    // Act
    const clash = await put('mekarsari', visitBody({ date: '2025-11-05', kelurahan: 'Mekarsari' }));
    const otherTeam = await put('cempaka', visitBody({ date: '2025-11-05', team: 'tim-2' }));

    // Assert
    expect(clash.status).toBe(422);
    expect(await json(clash)).toMatchObject({
      issues: [
        {
          path: 'visits/mekarsari.json $.date',
          message: expect.stringContaining("kunjungan 'sukamaju' tim 'tim-1'"),
        },
      ],
    });
    expect(otherTeam.status).toBe(201);
  });

  it('keeps a visit that is over as it was: no change, no removal', async () => {
    // Arrange
    await put('sukamaju', visitBody());
    h.clock.now += 2 * 86_400_000;
    const before = await configNow();

    // Act
    const change = await put('sukamaju', visitBody({ date: '2025-11-10' }));
    const removal = await call(h, 'DELETE', '/admin/visits/sukamaju', { token });

    // Assert
    expect(change.status).toBe(409);
    expect(removal.status).toBe(409);
    expect(await json(removal)).toMatchObject({ error: 'visit_over' });
    expect(await configNow()).toEqual(before);
  });

  it('serves a change undone again as the active version', async () => {
    // Arrange
    const first = await json<{ version: string }>(await put('sukamaju', visitBody()));
    h.clock.now += 1_000;
    await put('sukamaju', visitBody({ place: 'Masjid Raya' }));
    h.clock.now += 1_000;

    // Act
    const again = await json<{ version: string }>(await put('sukamaju', visitBody()));

    // Assert
    expect(again.version).toBe(first.version);
    expect((await h.store.activeConfig(h.config.site.id))?.version).toBe(first.version);
  });
});

describe('visit report', () => {
  it("counts the mobile unit's tickets of the visit's days and services, as JSON and CSV", async () => {
    // Arrange: a visit today; the unit issues 3 KTP and 2 KK tickets, a lobby kiosk 1 KTP.
    await put('sukamaju', visitBody({ date: '2025-11-03' }));
    const unit = await seedDevice(h.store, { profileId: MOBILE_PROFILE_ID, name: 'Tablet' });
    const kiosk = await seedDevice(h.store);
    const events = [
      ...eventsOf(unit.deviceId, 1, 3, { serviceId: KTP }),
      ...eventsOf(unit.deviceId, 4, 2, { serviceId: KK }),
    ].map((e) => ({ ...e, data: { ...e.data, channel: 'mobile' } }));
    const lobby = eventsOf(kiosk.deviceId, 1, 1, { serviceId: KTP });
    for (const [device, batch] of [
      [unit, events],
      [kiosk, lobby],
    ] as const) {
      const pushed = await call(h, 'POST', '/sync/push', {
        token: device.token,
        body: { events: batch },
      });
      expect(pushed.status).toBe(200);
    }

    // Act
    const report = await json<{ report: VisitReport }>(
      await call(h, 'GET', '/admin/visits/sukamaju/report', { token }),
    );
    const csv = await call(h, 'GET', '/admin/visits/sukamaju/report?format=csv', { token });

    // Assert
    expect(report.report.rows.map((r) => [r.serviceId, r.quota, r.issued, r.open])).toEqual([
      [KTP, 20, 3, 3],
      [KK, 10, 2, 2],
    ]);
    expect(report.report.total).toMatchObject({ quota: 30, issued: 5, served: 0 });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="kunjungan-sukamaju.csv"',
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'Layanan;Kuota;Diterbitkan;Selesai;Berkas diterima;Persyaratan kurang;Tidak hadir;' +
        'Belum selesai;Rata-rata tunggu (menit);Tunggu terlama (menit);Kuota terpakai (%)',
    );
    expect(lines[1]).toBe('Cetak Ulang KTP-el;20;3;0;0;0;0;3;;;15');
    expect(lines[3]).toBe('Jumlah;30;5;0;0;0;0;5;;;17');
  });

  it("tells the citizen's phone what the team recorded, and the coming visits", async () => {
    // Arrange: the unit issues a KTP ticket, calls it and finds the KK copy missing.
    await put('sukamaju', visitBody({ date: '2025-11-03', until: '2025-11-04' }));
    await seedStaff(h.store);
    const unit = await seedDevice(h.store, { profileId: MOBILE_PROFILE_ID, name: 'Tablet' });
    const [ticket] = eventsOf(unit.deviceId, 1, 1, { serviceId: KTP });
    if (ticket?.type !== 'ticket.issued') throw new Error('no ticket');
    const issued = ticket as KioskEvent<'ticket.issued'>;
    issued.data.channel = 'mobile';
    const envelope = { siteId: issued.siteId, deviceId: unit.deviceId };
    const actions = [
      { ...ticketAction('ticket.called', issued, {}), ...envelope, deviceSeq: 2 },
      {
        ...ticketAction('ticket.finished', issued, { outcome: 'incomplete', missing: ['kk'] }),
        ...envelope,
        deviceSeq: 3,
      },
    ];
    const pushed = await call(h, 'POST', '/sync/push', {
      token: unit.token,
      body: { events: [issued, ...actions] },
    });
    expect(pushed.status).toBe(200);

    // Act
    const status = v.parse(
      TicketStatusSchema,
      await json(await call(h, 'GET', `/tickets/${issued.id}`)),
    );
    const report = await json<{ report: VisitReport }>(
      await call(h, 'GET', '/admin/visits/sukamaju/report', { token }),
    );

    // Assert
    expect(status.finish).toEqual({
      outcome: 'incomplete',
      ready: null,
      missing: [{ id: 'Fotokopi KK', en: 'Copy of family card' }],
    });
    expect(status.visits).toEqual([
      {
        id: 'MPP bergerak: Kelurahan Sukamaju, hari ini sampai Selasa 4 November, 08.00–12.00, di Balai Kelurahan Sukamaju.',
        en: 'Mobile service: Sukamaju, today until Tuesday 4 November, 08.00–12.00, at Balai Kelurahan Sukamaju.',
      },
    ]);
    expect(report.report.rows[0]).toMatchObject({ issued: 1, incomplete: 1, open: 0 });
  });
});
