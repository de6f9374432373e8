/**
 * The site's config versions (admin; a supervisor reads): every version stored — seeded
 * from CONFIG_DIR or published here — newest first with the active one named; what a
 * version changes against the active one, readably; and restoring one, which publishes
 * its content again as the newest version (checked again first: a refusal lists every
 * issue and changes nothing). Devices pick it up as any new version. Audited.
 */
import { Hono } from 'hono';
import { configDiff } from '../../domain/config/diff';
import { validateBundle } from '../../domain/config/validate';
import { requireAdmin } from '../auth/guard';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { auditRead } from './routes-admin';

const VERSION = /^[A-Za-z0-9._-]{1,80}$/;

export function configRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  const find = async (version: string) => {
    const record = VERSION.test(version)
      ? await deps.store.configVersion(deps.siteId(), version)
      : null;
    if (record === null) throw fail(404, 'unknown_version', 'No such config version at this site.');
    return record;
  };
  api.get('/config/versions', admin, async (c) => {
    const versions = await deps.store.configVersionList(deps.siteId());
    await auditRead(deps, c.get('admin').adminId, 'config.read');
    return c.json({ active: deps.config().version, versions });
  });
  api.get('/config/versions/:version/changes', admin, async (c) => {
    const record = await find(c.req.param('version'));
    return c.json({ version: record.version, changes: configDiff(deps.config(), record.bundle) });
  });
  api.post('/config/versions/:version/restore', admin, async (c) => {
    const by = c.get('admin').adminId;
    const record = await find(c.req.param('version'));
    if (record.bundle.site.id !== deps.siteId()) {
      throw fail(
        409,
        'other_site',
        'Versi ini milik id situs sebelum diganti nama; tidak dapat dipulihkan ' +
          '(this version names the site id from before a rename; it cannot be restored).',
      );
    }
    const checked = validateBundle(record.bundle);
    if (!checked.ok) {
      const at = deps.now();
      await deps.store.recordAudit({
        at,
        adminId: by,
        action: 'config.restore',
        targetId: record.version,
        outcome: 'invalid_config',
      });
      throw fail(422, 'invalid_config', 'This version no longer passes the checks; see issues.', {
        issues: checked.issues
          .slice(0, 50)
          .map((i) => ({ path: `${i.file} ${i.path}`, message: i.message })),
      });
    }
    const published = await deps.publishConfig(checked.bundle, {
      at: deps.now(),
      adminId: by,
      action: 'config.restore',
      targetId: record.version,
      outcome: 'ok',
    });
    return c.json({ version: published.version });
  });
  return api;
}
