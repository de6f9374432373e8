// @vitest-environment node
/**
 * Hostile input at every endpoint (fast-check, fixed seed): malformed, oversized, deeply
 * nested and mistyped JSON, wrong content types, huge numbers, NaN-like strings, wrong,
 * revoked and other-site tokens, odd paths and queries; a loket's events pushed by the
 * loket and by a kiosk with one field extreme; staff bodies no server may take (control
 * characters in names, huge or unknown agency lists, weak PINs, wrong and used codes).
 * Must: never a 5xx nor a logged error; every refusal is an ApiError; a refused request
 * changes nothing stored (the whole database is compared before and after, but for the
 * audit log, which records admin reads and refusals too); requests that cannot be right
 * are refused; no token, code or hash ever reaches the audit log; lokets' events are
 * stored, quarantined, pulled and shown on the ticket's page as the rules say
 * (test/fixtures/counter-scenarios.ts); after all of it a person is created, sets a PIN
 * on a loket and is listed there. Runs: FUZZ_RUNS (200).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { MAX_TICKET_SEQ } from '../../../src/domain/numbering';
import {
  type LeaseResponse,
  MAX_BODY_BYTES,
  type PullResponse,
  type TicketStatus,
} from '../../../src/domain/protocol';
import type { StaffSetupResponse, StaffVerifier } from '../../../src/domain/staff';
import { hashSecret } from '../../../src/server/auth/secrets';
import {
  COUNTER_SCENARIOS,
  type CounterScenario,
  quarantinedStep,
  SCENARIO_STAFF_AGENCIES,
  type Step,
  scenarioPushes,
} from '../../fixtures/counter-scenarios';
import { ticketAction } from '../../fixtures/events';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import { seedStaff } from '../../fixtures/staff';
import { type FuzzRequest, type FuzzWorld, fuzzRequest } from './fuzz-requests';
import { counterFieldText, NIK, trustedFieldText } from './fuzz-values';
import {
  call,
  eventsOf,
  type Harness,
  json,
  NOW,
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
/** The fuzzed devices' next deviceSeq: mutated pushes keep being stored, so state builds up. */
let nextSeq = 4;
let counterSeq = 3;
/** An honest device that leases, pushes and pulls after every fuzzed request. */
let honest: { deviceId: string; token: string };
let honestSeq = 0;
let honestCursor = 0;
/** The honest device's newest ticket: the one the lokets' events name. */
let latest: KioskEvent<'ticket.issued'>;
/** The loket (counter device) the fuzz pushes as, and another one. */
let counter: { deviceId: string; token: string };
let otherCounter: { deviceId: string; token: string };
/** Every set-up code and PIN the run sent: none may reach the audit log. */
const staffSecrets: string[] = [];

/** A loket's call of `ticket` and its transfer to Imigrasi, from `deviceId` at `seq`. */
function callAndTransfer(deviceId: string, seq: number, ticket: KioskEvent<'ticket.issued'>) {
  const envelope = (i: number) => ({
    id: uuidv7Like(),
    deviceId,
    deviceSeq: seq + i,
    hlc: encodeHlc({ ms: NOW - 30_000 + seq + i, counter: 0 }),
  });
  return [
    ticketAction('ticket.called', ticket, { loket: '7' }, envelope(0)),
    ticketAction(
      'ticket.transferred',
      ticket,
      { loket: '7', toAgencyId: 'imigrasi', toServiceId: 'imigrasi-paspor-baru', toPrefix: 'D' },
      envelope(1),
    ),
  ];
}

/** An admin creates a person; their id and set-up code. */
async function createStaff(admin: string, name: string) {
  const created = await call(h, 'POST', '/admin/staff', {
    token: admin,
    body: { name, role: 'petugas', agencies: ['disdukcapil', 'imigrasi'] },
  });
  expect(created.status).toBe(201);
  const { staff, setupCode } = await json<StaffSetupResponse>(created);
  staffSecrets.push(setupCode, setupCode.replace('-', ''));
  return { staffId: staff.staffId, code: setupCode };
}

beforeAll(async () => {
  const loket = kioskProfile({ id: 'loket', surface: 'counter' });
  h = await startHarness({ config: kioskBundle({ profiles: [kioskProfile(), loket] }) });
  const admin = await seedAdmin(h.store);
  const device = await seedDevice(h.store);
  const revoked = await seedDevice(h.store, { revoked: true });
  const otherSite = await seedDevice(h.store, { siteId: 'mpp-kota-lain' });
  honest = await seedDevice(h.store);
  counter = await seedDevice(h.store, { profileId: 'loket' });
  otherCounter = await seedDevice(h.store, { profileId: 'loket' });
  // The people the lokets' events name (test/fixtures/counter-scenarios.ts).
  for (const [staffId, agencies] of Object.entries(SCENARIO_STAFF_AGENCIES)) {
    await seedStaff(h.store, { staffId, at: NOW, ...(agencies === 'all' ? {} : { agencies }) });
  }
  // Some history to pull, and lastSeenAt set now: the fixed clock then throttles touches.
  const history = eventsOf(device.deviceId, 1, 3);
  latest = history[0] as KioskEvent<'ticket.issued'>;
  await call(h, 'POST', '/sync/push', { token: device.token, body: { events: history } });
  await call(h, 'POST', '/sync/push', {
    token: counter.token,
    body: { events: callAndTransfer(counter.deviceId, 1, latest) },
  });
  await call(h, 'GET', '/staff', { token: otherCounter.token });
  // A person the admin routes name; one whose code the PIN bodies hold (a weak PIN leaves
  // it unspent); a code replaced by a new one, so used.
  const named = await createStaff(admin, 'Siti Rahmawati');
  const holder = await createStaff(admin, 'Budi Santoso');
  const replaced = await call(h, 'POST', `/admin/staff/${named.staffId}/setup-code`, {
    token: admin,
  });
  expect(replaced.status).toBe(200);
  world = {
    tokens: {
      admin,
      device: device.token,
      counter: counter.token,
      revoked: revoked.token,
      otherSite: otherSite.token,
    },
    deviceId: device.deviceId,
    revokedDeviceId: revoked.deviceId,
    staffId: named.staffId,
    usedCode: named.code,
    templates: {
      push: () => ({ events: eventsOf(device.deviceId, nextSeq, 2, { leased: true }) }),
      counterPush: () => ({ events: callAndTransfer(counter.deviceId, counterSeq, latest) }),
      kioskCounterPush: () => ({ events: callAndTransfer(device.deviceId, nextSeq, latest) }),
      staff: () => ({ name: 'Dewi Lestari', role: 'supervisor', agencies: ['imigrasi'] }),
      setupCode: () => ({}),
      lock: () => ({ locked: true }),
      pin: () => ({ setupCode: holder.code, pin: '123456' }),
      signIn: () => ({ staffId: named.staffId, ok: false }),
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
      // The agency as it is (a check changes nothing; only a mutation may change it).
      catalogueEdit: () => ({ agency: h.config.agencies[0], basedOn: h.config.version }),
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
  latest = ticket as KioskEvent<'ticket.issued'>;
  const pulled = await call(h, 'GET', `/sync/pull?cursor=${honestCursor}`, { token });
  const text = await pulled.text();
  expect(pulled.status).toBe(200);
  expect(text).not.toContain(NIK);
  honestCursor = (JSON.parse(text) as PullResponse).cursor;
}

const STATUSES = ['waiting', 'held', 'called', 'serving', 'done', 'no-show'];

/**
 * The phone page of each pushed ticket, and of each ticket a pushed loket's event names,
 * shows names of the config and a status and loket of the checked forms, never what was
 * sent.
 */
async function expectPublicPagesClean(body: string | undefined): Promise<void> {
  const { events } = JSON.parse(body ?? '{}') as { events: { id: string; data?: unknown }[] };
  const services = new Map(
    h.config.agencies.flatMap((a) => a.services.map((s) => [s.id, s.name] as const)),
  );
  const named = events.map((e) => (e.data as { ticketId?: unknown } | null)?.ticketId);
  const ids = [...events.map((e) => e.id), ...named.filter((id) => typeof id === 'string')];
  for (const id of new Set(ids)) {
    const page = await call(h, 'GET', `/tickets/${encodeURIComponent(id)}`);
    const text = await page.text();
    expect(text).not.toContain(NIK);
    if (page.status !== 200) continue;
    const status = JSON.parse(text) as TicketStatus;
    expect(services.get(status.serviceId)).toEqual(status.serviceName);
    expect(STATUSES).toContain(status.status);
    expect(status.loket ?? '0').toMatch(/^[0-9A-Z]{1,4}$/);
  }
}

/**
 * Whether the event is a transfer to a target the config does not have: a service of its
 * agency, in that service's queue (else the server quarantines it).
 */
function badTarget(event: KioskEvent): boolean {
  if (event.type !== 'ticket.transferred') return false;
  const { toAgencyId, toServiceId, toPrefix } =
    event.data as KioskEvent<'ticket.transferred'>['data'];
  const agency = h.config.agencies.find((a) => a.id === toAgencyId);
  const service = agency?.services.find((s) => s.id === toServiceId);
  return service === undefined || (service.prefix ?? agency?.prefix) !== toPrefix;
}

/** Whether a loket's event names nobody of the site's staff (else the server quarantines it). */
function unknownStaff(event: KioskEvent): boolean {
  const { staffId } = event.data as { staffId?: unknown };
  return typeof staffId === 'string' && !(staffId in SCENARIO_STAFF_AGENCIES);
}

/** The fuzzed kiosk's and loket's next deviceSeq, after what the server stored of them. */
async function nextSeqs(): Promise<void> {
  const devices = await h.store.devices(SITE_ID);
  const last = (id: string) => devices.find((d) => d.deviceId === id)?.lastSeq ?? 0;
  nextSeq = last(world.deviceId) + 1;
  counterSeq = last(counter.deviceId) + 1;
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
          await nextSeqs();
          before = await snapshot();
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it(`keeps serving honest devices after ${RUNS} pushes with a trust-rule field set to an extreme value`, async () => {
    const statuses = new Map<number, number>();
    // Half of them tickets of the kiosk; a quarter a loket's call and transfer, a quarter
    // the same pushed by the kiosk (which may not record them: each quarantined).
    const pushes = fc.constantFrom('push', 'push', 'counterPush', 'kioskCounterPush' as const);
    await fc.assert(
      fc.asyncProperty(
        pushes.chain((kind) =>
          (kind === 'push' ? trustedFieldText : counterFieldText)(world.templates[kind]()).map(
            (body) => ({ kind, ...body }),
          ),
        ),
        async (body) => {
          const token = body.kind === 'counterPush' ? counter.token : world.tokens.device;
          const response = await call(h, 'POST', '/sync/push', {
            token,
            raw: body.text,
            headers: { 'Content-Type': 'application/json' },
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

          expect(response.status, body.text.slice(0, 300)).toBeLessThan(500);
          if (response.status === 200 && body.kind !== 'push') {
            const { events } = JSON.parse(body.text) as { events: KioskEvent[] };
            const answer = await json<{ quarantined: number }>(response.clone());
            const quarantinedHere = (e: KioskEvent) => badTarget(e) || unknownStaff(e);
            const want =
              body.kind === 'kioskCounterPush' ? 2 : events.filter(quarantinedHere).length;
            expect(answer.quarantined, body.text.slice(0, 600)).toBe(want);
          }
          if (response.status === 200) await expectPublicPagesClean(body.text);
          await expectHonestDeviceServed();
          await nextSeqs();
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // Both kinds happened: refused pushes, and accepted ones whose state had to be survived.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 4);
    expect(h.errors).toEqual([]);
  }, 120_000);

  it(`stores, quarantines, pulls and shows lokets' events as the rules say (${COUNTER_SCENARIOS.length} + ${RUNS / 20} runs)`, async () => {
    const visible = new Set<string>();
    const hidden = new Set<string>();
    const devices = {
      counter: { deviceId: counter.deviceId, token: counter.token },
      other: otherCounter,
      kiosk: { deviceId: world.deviceId, token: world.tokens.device },
    };
    const names = new Map(
      h.config.agencies.flatMap((a) => a.services.map((s) => [s.id, s.name] as const)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COUNTER_SCENARIOS),
        fc.constantFrom('7', '12AB', 'A', '0'),
        async (scenario, loket) => {
          // A fresh ticket (from the honest kiosk's own namespace), then the scenario on it.
          honestSeq += 1;
          const [ticket] = eventsOf(honest.deviceId, honestSeq, 1);
          const issued = await call(h, 'POST', '/sync/push', {
            token: honest.token,
            body: { events: [ticket] },
          });
          expect(await json(issued)).toMatchObject({ ackSeq: honestSeq, flagged: 0 });
          const stored = await h.store.devices(SITE_ID);
          const seqOf = (id: string) => (stored.find((d) => d.deviceId === id)?.lastSeq ?? 0) + 1;
          const pushers = {
            counter: { deviceId: counter.deviceId, nextSeq: seqOf(counter.deviceId) },
            other: { deviceId: otherCounter.deviceId, nextSeq: seqOf(otherCounter.deviceId) },
            kiosk: { deviceId: world.deviceId, nextSeq: seqOf(world.deviceId) },
          };
          const pushes = scenarioPushes(
            scenario.steps(loket),
            ticket as KioskEvent<'ticket.issued'>,
            loket,
            pushers,
            NOW,
            uuidv7Like,
          );
          let quarantined = 0;
          let flagged = 0;
          for (const { by, events, steps } of pushes) {
            const response = await call(h, 'POST', '/sync/push', {
              token: devices[by].token,
              body: { events },
            });
            const answer = await json<{ accepted: number; quarantined: number; flagged: number }>(
              response,
            );
            expect(response.status, scenario.name).toBe(200);
            expect(answer.accepted, scenario.name).toBe(events.length);
            quarantined += answer.quarantined;
            flagged += answer.flagged;
            events.forEach((event, i) => {
              (quarantinedStep(steps[i] as Step) ? hidden : visible).add(event.id);
            });
          }
          expect({ quarantined, flagged }, scenario.name).toEqual({
            quarantined: scenario.steps(loket).filter(quarantinedStep).length,
            flagged: scenario.flagged,
          });
          const page = await json<TicketStatus>(
            await call(h, 'GET', `/tickets/${ticket?.id ?? ''}`),
          );
          const { status, loket: shown, serviceId, transfers } = page;
          expect({ status, loket: shown, serviceId, transfers }, scenario.name).toEqual(
            scenario.page(loket),
          );
          expect(page.serviceName).toEqual(names.get(serviceId));
          expect(h.errors).toEqual([]);
        },
      ),
      {
        seed: SEED,
        // Examples count towards numRuns: every scenario, then RUNS / 20 random ones.
        numRuns: COUNTER_SCENARIOS.length + RUNS / 20,
        endOnFailure: true,
        // Every scenario once, then random ones with other lokets.
        examples: COUNTER_SCENARIOS.map((scenario): [CounterScenario, string] => [scenario, '7']),
      },
    );
    // What another device pulls: every event the rules let through, none they quarantined.
    const pulled = new Set<string>();
    for (let cursor = 0, more = true; more; ) {
      const page = await json<PullResponse>(
        await call(h, 'GET', `/sync/pull?cursor=${cursor}&limit=500`, { token: honest.token }),
      );
      for (const event of page.events) pulled.add(event.id);
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect([...hidden].filter((id) => pulled.has(id))).toEqual([]);
    expect([...visible].filter((id) => !pulled.has(id))).toEqual([]);
  });

  it('creates a person, sets their PIN once on a loket and lists them there, after all that', async () => {
    const admin = world.tokens.admin;
    const person = await createStaff(admin, '  Rina Marlina\n');
    const pin = '4071938265';
    staffSecrets.push(pin);
    const before = await snapshot();
    const weak = await call(h, 'POST', '/staff/pin', {
      token: counter.token,
      body: { setupCode: person.code, pin: '654321' },
      client: '198.51.100.77',
    });
    const fromKiosk = await call(h, 'POST', '/staff/pin', {
      token: world.tokens.device,
      body: { setupCode: person.code, pin },
      client: '198.51.100.77',
    });
    expect([weak.status, fromKiosk.status]).toEqual([400, 403]);
    expect(await snapshot()).toEqual(before);

    const typed = person.code.toLowerCase().replace('-', ' ');
    const set = await call(h, 'POST', '/staff/pin', {
      token: counter.token,
      body: { setupCode: typed, pin },
      client: '198.51.100.77',
    });
    expect(set.status).toBe(200);
    const again = await call(h, 'POST', '/staff/pin', {
      token: otherCounter.token,
      body: { setupCode: person.code, pin: '5830172946' },
      client: '198.51.100.78',
    });
    expect(again.status).toBe(401);
    const listed = await json<{ staff: StaffVerifier[] }>(
      await call(h, 'GET', '/staff', { token: otherCounter.token }),
    );
    const shown = listed.staff.find((s) => s.staffId === person.staffId);
    expect(shown).toMatchObject({ name: 'Rina Marlina', locked: false, version: 2 });
    expect(shown?.pin?.iterations).toBeGreaterThanOrEqual(600_000);
    expect((await call(h, 'GET', '/staff', { token: world.tokens.device })).status).toBe(403);
    expect(h.errors).toEqual([]);
  });

  it('keeps every token, code and hash out of the audit log the run wrote', () => {
    const db = new Database(h.file, { readonly: true, fileMustExist: true });
    const log = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    const tokens = Object.values(world.tokens);
    const secrets = [
      ...tokens,
      ...tokens.map(hashSecret),
      'AAAABBBB',
      'AAAA-BBBB',
      ...staffSecrets,
    ];

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
