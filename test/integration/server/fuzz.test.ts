// @vitest-environment node
/**
 * Hostile input at every endpoint (fast-check, fixed seed): malformed, oversized, deeply
 * nested and mistyped JSON, wrong content types, huge numbers, NaN-like strings, wrong,
 * revoked and other-site tokens, odd paths and queries.
 * Must: never a 5xx nor a logged error; every refusal is an ApiError; a refused request
 * changes nothing stored (the whole database is compared before and after, but for the
 * audit log, which records admin reads and refusals too); requests that cannot be right
 * are refused; no token, code or hash ever reaches the audit log. Runs: FUZZ_RUNS (200).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TICKET_SEQ } from '../../../src/domain/numbering';
import {
  type LeaseResponse,
  MAX_BODY_BYTES,
  type PullResponse,
  type TicketStatus,
} from '../../../src/domain/protocol';
import { hashSecret } from '../../../src/server/auth/secrets';
import { type FuzzRequest, type FuzzWorld, fuzzRequest } from './fuzz-requests';
import { NIK, trustedFieldText } from './fuzz-values';
import {
  call,
  eventsOf,
  type Harness,
  json,
  PROFILE_ID,
  SITE_ID,
  seedAdmin,
  seedDevice,
  startHarness,
  TODAY,
  uuidv7Like,
} from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_103);

let h: Harness;
let world: FuzzWorld;
/** The fuzzed device's next deviceSeq: mutated pushes keep being stored, so state builds up. */
let nextSeq = 4;
/** An honest device that leases, pushes and pulls after every fuzzed request. */
let honest: { deviceId: string; token: string };
let honestSeq = 0;
let honestCursor = 0;

beforeAll(async () => {
  h = await startHarness();
  const admin = await seedAdmin(h.store);
  const device = await seedDevice(h.store);
  const revoked = await seedDevice(h.store, { revoked: true });
  const otherSite = await seedDevice(h.store, { siteId: 'mpp-kota-lain' });
  honest = await seedDevice(h.store);
  // Some history to pull, and lastSeenAt set now: the fixed clock then throttles touches.
  await call(h, 'POST', '/sync/push', {
    token: device.token,
    body: { events: eventsOf(device.deviceId, 1, 3) },
  });
  world = {
    tokens: { admin, device: device.token, revoked: revoked.token, otherSite: otherSite.token },
    deviceId: device.deviceId,
    revokedDeviceId: revoked.deviceId,
    templates: {
      push: () => ({ events: eventsOf(device.deviceId, nextSeq, 2, { leased: true }) }),
      leases: () => ({
        numbers: [{ prefix: 'A', count: 1, businessDay: TODAY }],
        quotas: [{ serviceId: 'imigrasi-paspor-baru', count: 1 }],
      }),
      enroll: () => ({
        code: 'AAAA-BBBB',
        deviceId: uuidv7Like(),
        name: 'K',
        profileId: PROFILE_ID,
      }),
      bootstrap: () => ({ code: 'AAAA-BBBB-CCCC', name: 'Admin' }),
      enrollments: () => ({ label: 'Lobi', ttlMinutes: 60 }),
      admins: () => ({ name: 'Admin Dua' }),
      renew: () => ({}),
    },
  };
  // The admin token's first use is recorded now; the fixed clock then throttles touches.
  await call(h, 'GET', '/admin/tokens', { token: admin });
});
afterAll(() => h.store.close());

/** Tables every admin call may add to, refused or not. */
const AUDIT_TABLES = ['audit_head', 'audit_log'];

/** Every row of every table (but the audit's), as text: what "nothing stored changed" compares. */
function dumpDatabase(file: string, tables = allTables(file)): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

function allTables(file: string): { name: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return tables.filter(({ name }) => !AUDIT_TABLES.includes(name));
  } finally {
    db.close();
  }
}

/** What the brief names, through the Store, plus the whole database. */
async function snapshot() {
  const site = 'mpp-kota-contoh';
  return {
    head: await h.store.head(site),
    devices: (await h.store.devices(site)).map((d) => [d.deviceId, d.lastSeq, d.revokedAt]),
    leases: await h.store.numberLeases(site, TODAY),
    database: dumpDatabase(h.file),
  };
}

async function send(request: FuzzRequest): Promise<Response> {
  return call(h, request.method, request.path, {
    authorization: request.authorization,
    raw: request.body,
    headers: request.headers,
    client: request.client,
  });
}

/** What an accepted request left behind hurts nobody: an honest device leases, pushes, pulls. */
async function expectHonestDeviceServed(): Promise<void> {
  const token = honest.token;
  const leased = await call(h, 'POST', '/sync/leases', {
    token,
    body: { numbers: [{ prefix: 'A', count: 1 }] },
  });
  expect(leased.status).toBe(200);
  const [block] = (await json<LeaseResponse>(leased)).numbers;
  expect(block?.end).toBeLessThanOrEqual(MAX_TICKET_SEQ);
  honestSeq += 1;
  const [event] = eventsOf(honest.deviceId, honestSeq, 1, { leased: true });
  const seq = block?.start ?? 0;
  const ticket = {
    ...event,
    data: { ...event?.data, seq, number: `A-${String(seq).padStart(3, '0')}` },
  };
  const pushed = await call(h, 'POST', '/sync/push', { token, body: { events: [ticket] } });
  expect(await json(pushed)).toMatchObject({ ackSeq: honestSeq, flagged: 0, quarantined: 0 });
  const pulled = await call(h, 'GET', `/sync/pull?cursor=${honestCursor}`, { token });
  const text = await pulled.text();
  expect(pulled.status).toBe(200);
  expect(text).not.toContain(NIK);
  honestCursor = (JSON.parse(text) as PullResponse).cursor;
}

/** The phone page of each pushed ticket shows names of the config, never what was sent. */
async function expectPublicPagesClean(body: string | undefined): Promise<void> {
  const { events } = JSON.parse(body ?? '{}') as { events: { id: string }[] };
  const services = new Set(h.config.agencies.flatMap((a) => a.services.map((s) => s.id)));
  for (const { id } of events) {
    const page = await call(h, 'GET', `/tickets/${id}`);
    const text = await page.text();
    expect(text).not.toContain(NIK);
    if (page.status === 200)
      expect(services).toContain((JSON.parse(text) as TicketStatus).serviceId);
  }
}

describe('fuzzing every endpoint', () => {
  const stats = new Map<string, number>();
  afterAll(() => {
    if (process.env.FUZZ_STATS)
      console.info(
        [...stats]
          .sort()
          .map(([k, n]) => `${n}\t${k}`)
          .join('\n'),
      );
  });

  it(`answers ${RUNS} hostile requests with 4xx (or success), never 5xx, changing nothing when refused`, async () => {
    let before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fuzzRequest(() => world),
        async (request) => {
          const response = await send(request);
          const isStream = response.headers.get('Content-Type')?.startsWith('text/event-stream');
          const text = isStream ? '' : await response.text();
          if (isStream) await response.body?.cancel();
          const after = await snapshot();
          const key = `${response.status} ${request.label.split(' as ')[0]?.replace(/\/[0-9a-f-]{36}|\?.*/g, '')}`;
          stats.set(key, (stats.get(key) ?? 0) + 1);

          expect(response.status, request.label).toBeLessThan(500);
          expect(h.errors).toEqual([]);
          if (request.mustFail) expect(response.status, request.label).toBeGreaterThanOrEqual(400);
          if (response.status >= 400) {
            expect(JSON.parse(text)).toMatchObject({
              error: expect.any(String),
              message: expect.any(String),
            });
          }
          if (response.status >= 400 || request.readOnly) expect(after).toEqual(before);
          if (response.status === 200 && request.path === '/sync/push') {
            await expectPublicPagesClean(request.body);
          }
          await expectHonestDeviceServed();
          nextSeq =
            ((await h.store.devices(SITE_ID)).find((d) => d.deviceId === world.deviceId)?.lastSeq ??
              0) + 1;
          before = await snapshot();
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it(`keeps serving honest devices after ${RUNS} pushes with a trust-rule field set to an extreme value`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => trustedFieldText(world.templates.push())),
        async (body) => {
          const response = await call(h, 'POST', '/sync/push', {
            token: world.tokens.device,
            raw: body.text,
            headers: { 'Content-Type': 'application/json' },
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

          expect(response.status, body.text.slice(0, 300)).toBeLessThan(500);
          if (response.status === 200) await expectPublicPagesClean(body.text);
          await expectHonestDeviceServed();
          nextSeq =
            ((await h.store.devices(SITE_ID)).find((d) => d.deviceId === world.deviceId)?.lastSeq ??
              0) + 1;
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // Both kinds happened: refused pushes, and accepted ones whose state had to be survived.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 4);
    expect(h.errors).toEqual([]);
  }, 120_000);
  it('keeps every token, code and hash out of the audit log the run wrote', () => {
    const db = new Database(h.file, { readonly: true, fileMustExist: true });
    const log = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    const tokens = Object.values(world.tokens);
    const secrets = [...tokens, ...tokens.map(hashSecret), 'AAAABBBB', 'AAAA-BBBB'];

    expect(log.length).toBeGreaterThan(100);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('refuses a body over the limit by its bytes even when Content-Length says less', async () => {
    const before = await snapshot();
    const body = JSON.stringify({ events: [], pad: 'x'.repeat(MAX_BODY_BYTES) });

    const declared = await call(h, 'POST', '/sync/push', {
      authorization: `Bearer ${world.tokens.device}`,
      raw: body,
      headers: { 'Content-Type': 'application/json', 'Content-Length': '10' },
    });
    const streamed = await call(h, 'POST', '/sync/push', {
      authorization: `Bearer ${world.tokens.device}`,
      raw: new Blob([body]).stream(),
      headers: { 'Content-Type': 'application/json' },
    });

    expect(declared.status).toBe(413);
    expect(streamed.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });
});
