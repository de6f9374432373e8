/**
 * POST /sync/personal (device token): the personal data citizens consented to give at a
 * kiosk, sent apart from the log under their tickets' references (src/domain/personal-data.ts).
 * Must: every field checked against its kind before anything is stored; a bad batch is
 * refused whole; nothing of it is ever logged (the access log has the path only).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { PERSONAL_PATTERNS } from '../../domain/personal-data';
import { parseRequest } from '../../domain/request-fields';
import { requireDevice } from '../auth/guard';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { valid } from './validate';

const FieldSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(64)),
    kind: v.picklist(['phone', 'nik']),
    value: v.pipe(v.string(), v.maxLength(16)),
  }),
  v.check((f) => PERSONAL_PATTERNS[f.kind].test(f.value), 'not a well-formed value of its kind'),
);

const PersonalBatchSchema = v.strictObject({
  entries: v.pipe(
    v.array(
      v.strictObject({
        ref: v.pipe(v.string(), v.uuid()),
        serviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
        fields: v.pipe(v.array(FieldSchema), v.minLength(1), v.maxLength(3)),
        consentedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    v.minLength(1),
    v.maxLength(50),
  ),
});

export function personalRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.post('/personal', requireDevice(deps), async (c) => {
    const { entries } = valid(parseRequest(PersonalBatchSchema, await readJsonBody(c)));
    const stored = await deps.store.savePersonalData(deps.siteId(), entries, deps.now());
    return c.json({ received: entries.length, stored });
  });
  return api;
}
