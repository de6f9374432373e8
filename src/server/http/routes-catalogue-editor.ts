/**
 * An agency and its services edited in the admin: PUT /admin/catalogue/agencies/:id
 * {agency, publish, basedOn} checks the whole config with the agency put in (added, or
 * replacing the one of that id: a service left out is removed) and answers every issue and
 * what would change; with `publish`, a clean change becomes the newest config version
 * through the same path as the import (audited), which devices pick up. `basedOn` names the
 * version the editor started from: once another has become active, the change is refused
 * (409), so two admins never overwrite each other. Anything refused changes nothing.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { withEditedAgency } from '../../domain/config/agency-edit';
import { configDiff } from '../../domain/config/diff';
import type { ConfigIssue } from '../../domain/config/issues';
import { isJsonObject } from '../../domain/config/messages';
import type { ConfigBundle } from '../../domain/config/schema';
import { validateBundle } from '../../domain/config/validate';
import { parseRequest } from '../../domain/request-fields';
import { requireAdmin } from '../auth/guard';
import { Mutex } from '../store/mutex';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { ApiFailure, fail } from './errors';
import { valid } from './validate';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Issues listed in one answer: enough to fix a form, never a megabyte of them. */
const MAX_ISSUES = 100;

const EditSchema = v.strictObject({
  agency: v.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object'),
  publish: v.optional(v.boolean(), false),
  basedOn: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
});

/** One issue as the admin screen lists it: where, and what is wrong. */
const listed = (issues: readonly ConfigIssue[]) =>
  issues.slice(0, MAX_ISSUES).map((i) => ({ path: `${i.file} ${i.path}`, message: i.message }));

export function catalogueEditorRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  // One change at a time: each is checked against the version the one before published.
  const changes = new Mutex();

  api.put('/catalogue/agencies/:id', admin, async (c) => {
    const id = c.req.param('id');
    const by = c.get('admin').adminId;
    const body = await readJsonBody(c);
    return changes.run(async () => {
      const refuse = async (
        status: 400 | 409 | 422,
        error: string,
        message: string,
        issues: readonly ConfigIssue[] = [],
      ) => {
        await deps.store.recordAudit({
          at: deps.now(),
          adminId: by,
          action: 'catalogue.edit',
          targetId: SLUG.test(id) ? id : null,
          outcome: error,
        });
        return fail(status, error, message, issues.length > 0 ? { issues: listed(issues) } : {});
      };
      if (!SLUG.test(id) || id.length > 64) {
        throw await refuse(400, 'invalid_request', 'An agency id is a slug.');
      }
      const { agency, publish, basedOn } = valid(parseRequest(EditSchema, body));
      if (agency.id !== undefined && agency.id !== id) {
        throw await refuse(400, 'invalid_request', 'agency.id must be the id in the path.');
      }
      const config = deps.config();
      if (basedOn !== config.version) {
        const moved = configMoved(config);
        throw await refuse(409, moved.body.error, moved.body.message);
      }
      const edited = withEditedAgency(config, { ...agency, id });
      const checked = validateBundle(edited.input);
      const issues = [...edited.issues, ...(checked.ok ? [] : checked.issues)];
      const diff = checked.ok ? configDiff(config, checked.bundle) : [];
      if (!checked.ok || issues.length > 0) {
        if (publish) {
          throw await refuse(
            422,
            'invalid_config',
            `Perubahan ini tidak lolos pemeriksaan (${issues.length} masalah); tidak ada yang diterbitkan ` +
              `(the change does not pass the checks: ${issues.length} issues; nothing was published).`,
            issues,
          );
        }
        return c.json({
          issues: listed(issues),
          issueCount: issues.length,
          changes: [],
          published: null,
        });
      }
      let published: string | null = null;
      if (publish && diff.length > 0) {
        const audit = {
          at: deps.now(),
          adminId: by,
          action: 'catalogue.edit' as const,
          targetId: id,
        };
        // Another route may have published while this one was checked: refused then too.
        const bundle = await deps
          .publishConfig(checked.bundle, { ...audit, outcome: 'ok' }, config.version)
          .catch(async (error: unknown) => {
            if (error instanceof ApiFailure) {
              await deps.store.recordAudit({ ...audit, outcome: error.body.error });
            }
            throw error;
          });
        published = bundle.version;
      }
      return c.json({ issues: [], issueCount: 0, changes: diff, published });
    });
  });
  return api;
}

/** The refusal of a change built on a version that is no longer the active one. */
export function configMoved(active: ConfigBundle) {
  return fail(
    409,
    'config_moved',
    `Konfigurasi sudah diubah sejak Anda mulai (sekarang versi ${active.version.slice(0, 12)}); ` +
      'muat ulang dan ubah lagi (the config changed since you began; reload and edit again).',
  );
}
