// @vitest-environment node
/** Push and pull through HTTP: replays, gaps, batch limits, other devices' events, paging. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../../src/domain/protocol';
import {
  call,
  eventsOf,
  type Harness,
  json,
  NOW,
  seedDevice,
  startHarness,
  TODAY,
} from './support';

let h: Harness;
let kiosk: { deviceId: string; token: string };

beforeEach(async () => {
  h = await startHarness();
  kiosk = await seedDevice(h.store);
  return () => h.store.close();
});

const push = (token: string, events: unknown[]) =>
  call(h, 'POST', '/sync/push', { token, body: { events } });
const pull = (token: string, query = '') => call(h, 'GET', `/sync/pull${query}`, { token });

describe('push', () => {
  it('stores a batch, answers ackSeq, and a replay changes nothing', async () => {
    const events = eventsOf(kiosk.deviceId, 1, 3);

    const first = await push(kiosk.token, events);
    const replay = await push(kiosk.token, events);

    expect(first.status).toBe(200);
    expect(await json<PushResponse>(first)).toEqual({
      ackSeq: 3,
      accepted: 3,
      flagged: 0,
      quarantined: 0,
      epoch: h.store.epoch,
      serverTime: NOW,
    });
    expect(await json<PushResponse>(replay)).toMatchObject({ ackSeq: 3, accepted: 0 });
    expect(await h.store.head('mpp-kota-contoh')).toBe(3);
  });

  it('accepts a batch that overlaps what the server holds, storing only the new tail', async () => {
    const events = eventsOf(kiosk.deviceId, 1, 5);
    await push(kiosk.token, events.slice(0, 2));

    const response = await json<PushResponse>(await push(kiosk.token, events));

    expect(response).toMatchObject({ ackSeq: 5, accepted: 3 });
  });

  it('refuses a gap with 409 and the ackSeq to resume from, storing nothing', async () => {
    await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 2));

    const response = await push(kiosk.token, eventsOf(kiosk.deviceId, 5, 2));

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'gap', ackSeq: 2 });
    expect(await h.store.head('mpp-kota-contoh')).toBe(2);
  });

  it('refuses an event id already stored under another deviceSeq with 409 conflict', async () => {
    const [first] = eventsOf(kiosk.deviceId, 1, 1);
    await push(kiosk.token, [first]);
    const [second] = eventsOf(kiosk.deviceId, 2, 1);

    const response = await push(kiosk.token, [{ ...second, id: first?.id }]);

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'conflict', ackSeq: 1 });
  });

  it('answers an empty push with the ackSeq the server holds (how a device finds it went back)', async () => {
    await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 4));

    const response = await json<PushResponse>(await push(kiosk.token, []));

    expect(response).toMatchObject({ ackSeq: 4, accepted: 0 });
  });

  it('refuses more than 500 events in one request', async () => {
    const response = await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 501));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      issues: [{ path: '$.events', message: expect.stringContaining('500') }],
    });
    expect(await h.store.head('mpp-kota-contoh')).toBe(0);
  });

  it('takes a full batch of 500', async () => {
    const response = await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 500));

    expect(await json<PushResponse>(response)).toMatchObject({ ackSeq: 500, accepted: 500 });
  });

  it("refuses another device's events with 403, even mixed with its own", async () => {
    const other = await seedDevice(h.store);
    const batch = [...eventsOf(kiosk.deviceId, 1, 1), ...eventsOf(other.deviceId, 2, 1)];

    const response = await push(kiosk.token, batch);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'foreign_events',
      issues: [{ path: '$.events[1].deviceId' }],
    });
    expect(await h.store.head('mpp-kota-contoh')).toBe(0);
  });

  it('refuses events of another site, holes inside the batch and impossible business days', async () => {
    const [a, b, c] = eventsOf(kiosk.deviceId, 1, 3);
    const batch = [
      { ...a, siteId: 'mpp-kota-lain' },
      { ...b, deviceSeq: 3 },
      { ...c, deviceSeq: 4, businessDay: '2025-02-30' },
    ];

    const response = await push(kiosk.token, batch);

    expect(response.status).toBe(400);
    expect(
      (await json<{ issues: { path: string }[] }>(response)).issues.map((i) => i.path),
    ).toEqual(['$.events[0].siteId', '$.events[1].deviceSeq', '$.events[2].businessDay']);
  });

  it('refuses control characters in the payload', async () => {
    const [a, b] = eventsOf(kiosk.deviceId, 1, 2);
    const batch = [a, { ...b, data: { ...b?.data, missing: ['kk\u0000'] } }];

    const response = await push(kiosk.token, batch);

    expect(
      (await json<{ issues: { path: string }[] }>(response)).issues.map((i) => i.path),
    ).toEqual(['$.events[1].data']);
  });

  it('stores events on business days far from today (a kiosk without leases whose clock is weeks off)', async () => {
    // Found by the chaos tests: refusing them left the kiosk's outbox stuck behind them.
    const [ahead, behind, next] = eventsOf(kiosk.deviceId, 1, 3);
    const batch = [
      { ...ahead, businessDay: '2025-12-31' },
      { ...behind, businessDay: '2000-01-01' },
      next,
    ];

    const response = await push(kiosk.token, batch);

    expect(response.status).toBe(200);
    expect(await json<PushResponse>(response)).toMatchObject({ ackSeq: 3, accepted: 3 });
  });

  it('refuses an event that fails its schema, with the path of each issue', async () => {
    const [a] = eventsOf(kiosk.deviceId, 1, 1);

    const response = await push(kiosk.token, [{ ...a, data: { ...a?.data, number: 'a-1' } }]);

    expect(response.status).toBe(400);
    const body = await json<{ issues: { path: string }[] }>(response);
    expect(new Set(body.issues.map((i) => i.path))).toEqual(new Set(['$.events[0].data.number']));
  });

  it('keeps events with a clock far ahead, flagged and listed for admins', async () => {
    const [a] = eventsOf(kiosk.deviceId, 1, 1);
    const ahead = { ...a, hlc: `${(NOW + 86_400_000).toString(16).padStart(12, '0')}-0000` };

    const response = await json<PushResponse>(await push(kiosk.token, [ahead]));

    expect(response).toMatchObject({ accepted: 1, flagged: 1 });
    expect(await h.store.flaggedEvents('mpp-kota-contoh')).toHaveLength(1);
  });
});

describe('pull', () => {
  it('pages through the site log in siteSeq order with cursor, head and hasMore', async () => {
    const other = await seedDevice(h.store);
    await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 3));
    await push(other.token, eventsOf(other.deviceId, 1, 2));

    const page1 = await json<PullResponse>(await pull(other.token, '?cursor=0&limit=2'));
    const page2 = await json<PullResponse>(
      await pull(other.token, `?cursor=${page1.cursor}&limit=2`),
    );
    const page3 = await json<PullResponse>(await pull(other.token, `?cursor=${page2.cursor}`));

    expect(page1).toMatchObject({ cursor: 2, head: 5, hasMore: true, epoch: h.store.epoch });
    expect(page1.events.map((e) => e.siteSeq)).toEqual([1, 2]);
    expect(page2.events.map((e) => e.siteSeq)).toEqual([3, 4]);
    expect(page3).toMatchObject({ cursor: 5, head: 5, hasMore: false });
    expect(page3.events[0]).toMatchObject({ deviceId: other.deviceId, businessDay: TODAY });
  });

  it('defaults to the start and 500 events, and keeps a cursor beyond the head as it is', async () => {
    await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 2));

    const all = await json<PullResponse>(await pull(kiosk.token));
    const beyond = await json<PullResponse>(await pull(kiosk.token, '?cursor=99'));

    expect(all.events).toHaveLength(2);
    expect(beyond).toMatchObject({ events: [], cursor: 99, head: 2, hasMore: false });
  });

  it("leaves out the caller's own events up to `own`, never another device's, and reads on past them", async () => {
    const other = await seedDevice(h.store);
    await push(kiosk.token, eventsOf(kiosk.deviceId, 1, 3));
    await push(other.token, eventsOf(other.deviceId, 1, 2));
    await push(kiosk.token, eventsOf(kiosk.deviceId, 4, 1));

    const mine = await json<PullResponse>(await pull(kiosk.token, '?own=3&limit=1'));
    const theirs = await json<PullResponse>(await pull(other.token, '?own=2&limit=5'));
    const ownOnly = await json<PullResponse>(await pull(kiosk.token, '?cursor=5&own=4'));

    // siteSeqs 1–3 are the kiosk's own: skipped, and the one event of the page is 4.
    expect(mine).toMatchObject({ cursor: 4, head: 6, hasMore: true });
    expect(mine.events.map((e) => [e.deviceId, e.deviceSeq])).toEqual([[other.deviceId, 1]]);
    expect(theirs.events.map((e) => e.siteSeq)).toEqual([1, 2, 3, 6]);
    expect(theirs).toMatchObject({ cursor: 6, hasMore: false });
    expect(ownOnly).toMatchObject({ events: [], cursor: 6, head: 6, hasMore: false });
  });

  it('refuses a negative, fractional or huge cursor and a limit outside 1..500', async () => {
    const queries = [
      '?own=-1',
      '?own=x',
      '?cursor=-1',
      '?cursor=1.5',
      '?cursor=1e3',
      '?cursor=99999999999999999',
      '?limit=0',
      '?limit=501',
      '?limit=abc',
    ];

    const statuses = await Promise.all(
      queries.map(async (q) => (await pull(kiosk.token, q)).status),
    );

    expect(statuses).toEqual(queries.map(() => 400));
  });
});
