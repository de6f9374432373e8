// @vitest-environment node
/**
 * Config versions through the admin API: listed newest first with the active one named; a
 * version's changes against the active one; restoring an earlier one publishes its content
 * as the newest, which devices are served; an unknown version is refused; audited.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConfigChange } from '../../../src/domain/config/diff';
import type { Visit } from '../../../src/domain/config/schema';
import type { AuditPage } from '../../../src/domain/protocol';
import { kioskBundle, withMobileUnit } from '../../fixtures/kiosk';
import { call, type Harness, json, seedAdmin, startHarness } from './support';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await startHarness({ config: withMobileUnit(kioskBundle()) });
  token = await seedAdmin(h.store);
  return () => h.store.close();
});

const visit = (kelurahan: string) => ({
  date: '2025-11-04',
  kelurahan,
  place: `Balai Kelurahan ${kelurahan}`,
  hours: { from: '08:00', to: '12:00' },
  services: [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 20 }],
});
const get = async <T>(path: string) => json<T>(await call(h, 'GET', path, { token }));
type Versions = { active: string; versions: { version: string; source: string }[] };

describe('config versions', () => {
  it('restores an earlier version as the newest, which devices are then served', async () => {
    // Arrange: two published versions, one visit each.
    const first = await json<{ version: string }>(
      await call(h, 'PUT', '/admin/visits/sukamaju', { token, body: visit('Sukamaju') }),
    );
    await call(h, 'DELETE', '/admin/visits/sukamaju', { token });
    await call(h, 'PUT', '/admin/visits/mekarsari', { token, body: visit('Mekarsari') });
    const before = await get<Versions>('/admin/config/versions');

    // Act
    const changes = await get<{ changes: ConfigChange[] }>(
      `/admin/config/versions/${first.version}/changes`,
    );
    const restored = await call(h, 'POST', `/admin/config/versions/${first.version}/restore`, {
      token,
    });
    const after = await get<Versions>('/admin/config/versions');
    const served = await json<{ version: string; visits: Visit[] }>(
      await call(h, 'GET', '/config'),
    );
    const unknown = await call(h, 'POST', '/admin/config/versions/nope/restore', { token });

    // Assert
    expect(before.versions.map((v) => v.version)).toContain(first.version);
    expect(before.active).not.toBe(first.version);
    expect(changes.changes).toEqual([
      { kind: 'added', what: 'visit', id: 'sukamaju', fields: [] },
      { kind: 'removed', what: 'visit', id: 'mekarsari', fields: [] },
    ]);
    expect(restored.status).toBe(200);
    expect(after.active).toBe(first.version);
    expect(after.versions[0]?.version).toBe(first.version);
    expect(served.version).toBe(first.version);
    expect(served.visits.map((v) => v.id)).toEqual(['sukamaju']);
    expect(unknown.status).toBe(404);
    const audit = (await get<AuditPage>('/admin/audit?limit=50')).entries;
    expect(audit.map((e) => [e.action, e.targetId])).toContainEqual([
      'config.restore',
      first.version,
    ]);
  });

  it('refuses to restore a version stored under the site id from before a rename', async () => {
    const old = { ...h.config, site: { ...h.config.site, id: 'mpp-nama-lama' }, version: 'lama1' };
    await h.store.saveConfigVersion(h.config.site.id, {
      version: 'lama1',
      source: 'admin',
      bundle: old,
      createdAt: 1,
    });

    const restored = await call(h, 'POST', '/admin/config/versions/lama1/restore', { token });
    const served = await json<{ site: { id: string } }>(await call(h, 'GET', '/config'));

    expect(restored.status).toBe(409);
    expect(served.site.id).toBe(h.config.site.id);
  });
});
