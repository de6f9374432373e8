/**
 * The invariants of ARCHITECTURE.md §6 over what the server and every device hold.
 * I1–I3 and I5–I8 hold after every step (`checkSafety`); I4, I9 and I11 once the network
 * has healed and every device has synced the stated number of rounds (`checkConverged`).
 * I10 is not a check of its own: device clocks are days off while all of these hold.
 */
import type { ConfigBundle } from '../../src/domain/config/schema';
import type { KioskEvent } from '../../src/domain/events';
import type { QueueState } from '../../src/domain/queue';
import { foldState } from '../../src/domain/queue-read';
import { quotaRule } from '../../src/domain/quotas';
import type { DeviceView } from './device';
import type { Rng } from './rng';
import type { ServerView } from './server';

/** An invariant that does not hold; `invariant` is its name in ARCHITECTURE.md §6. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariant: string,
    message: string,
  ) {
    super(`${invariant} violated: ${message}`);
    this.name = 'InvariantViolation';
  }
}

/** An event as it committed on the device that issued it. */
export type Committed = { event: KioskEvent; device: number };

/** Everything the checks look at, read between two steps. */
export type Snapshot = {
  server: ServerView;
  devices: DeviceView[];
  committed: ReadonlyMap<string, Committed>;
  config: ConfigBundle;
};

function fail(invariant: string, message: string): never {
  throw new InvariantViolation(invariant, message);
}

/** JSON with object keys sorted: equal facts compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries);
  });
}

function withoutSiteSeq(event: KioskEvent & { siteSeq?: number }): KioskEvent {
  const { siteSeq: _siteSeq, ...rest } = event;
  return rest;
}

/** I1–I3, I5–I8 (I5 on the current union). */
export function checkSafety(s: Snapshot): void {
  checkNoLoss(s);
  checkServerLog(s);
  checkAcksAndCursors(s);
  checkDeviceClocks(s);
  checkNumbers(s);
  checkLeases(s);
  checkReplicas(s);
}

/**
 * I12: every device's queue state (its replica, kept one event at a time) equals the fold
 * of the days it holds from the device's own log, after every step.
 */
function checkReplicas(s: Snapshot): void {
  for (const d of s.devices) {
    if (d.replica.state === null || d.replica.days.length === 0) continue;
    const days = new Set(d.replica.days);
    const folded = foldState(d.events.filter((e) => days.has(e.businessDay)));
    if (stateKey(d.replica.state) !== stateKey(folded)) {
      fail('I12', `${d.deviceId}'s queue state differs from the fold of its log`);
    }
  }
}

/** A state as one comparable string, whatever order its maps were filled in. */
function stateKey(state: QueueState): string {
  return canonical({
    tickets: [...state.tickets.entries()],
    waiting: [...state.waiting.entries()].sort(),
    issuedByService: [...state.issuedByService.entries()].sort(),
    duplicates: [...state.duplicates].sort((a, b) =>
      `${a.businessDay} ${a.number}` < `${b.businessDay} ${b.number}` ? -1 : 1,
    ),
  });
}

/** I1: every committed event is still on its device, unchanged; every copy anywhere equals it. */
function checkNoLoss(s: Snapshot): void {
  const holders = [
    { name: 'server', events: s.server.events.map(withoutSiteSeq) },
    ...s.devices.map((d) => ({ name: d.deviceId, events: d.events })),
  ];
  const copies = new Map<string, { name: string; event: KioskEvent }[]>();
  for (const holder of holders) {
    for (const event of holder.events) {
      const list = copies.get(event.id) ?? [];
      list.push({ name: holder.name, event });
      copies.set(event.id, list);
    }
  }
  for (const [id, { event, device }] of s.committed) {
    const origin = s.devices[device];
    if (!origin?.events.some((e) => e.id === id)) {
      fail('I1', `event ${id} committed on kiosk ${device} is gone from it`);
    }
    const want = canonical(event);
    for (const copy of copies.get(id) ?? []) {
      if (canonical(copy.event) !== want) fail('I1', `${copy.name} holds a changed copy of ${id}`);
    }
  }
  for (const [id, list] of copies) {
    if (!s.committed.has(id)) {
      fail('I1', `${list.map((c) => c.name).join(', ')} hold ${id}, which never committed`);
    }
  }
}

/** I2: the server holds each event once, siteSeq 1..head, each device's deviceSeq 1..lastSeq. */
function checkServerLog(s: Snapshot): void {
  const { events, head, lastSeq } = s.server;
  events.forEach((event, i) => {
    if (event.siteSeq !== i + 1) fail('I2', `siteSeq ${event.siteSeq} at position ${i + 1}`);
  });
  if (head !== events.length) fail('I2', `site head ${head} but ${events.length} events`);
  const ids = new Set(events.map((e) => e.id));
  if (ids.size !== events.length) fail('I2', 'an event id is stored twice');
  const seqs = new Map<string, number[]>();
  for (const event of events) {
    const list = seqs.get(event.deviceId) ?? [];
    list.push(event.deviceSeq);
    seqs.set(event.deviceId, list);
  }
  for (const [deviceId, last] of lastSeq) {
    const list = (seqs.get(deviceId) ?? []).sort((a, b) => a - b);
    list.forEach((seq, i) => {
      if (seq !== i + 1) fail('I2', `${deviceId} has deviceSeq ${seq} at position ${i + 1}`);
    });
    if (list.length !== last) fail('I2', `${deviceId} last_seq ${last} but ${list.length} events`);
  }
}

/** I3: no printed number twice in a (day, prefix), over every event anywhere. */
function checkNumbers(s: Snapshot): void {
  const owner = new Map<string, KioskEvent>();
  for (const event of union(s).values()) {
    if (event.type !== 'ticket.issued') continue;
    const data = event.data as { prefix: string; number: string };
    const key = `${event.businessDay} ${data.prefix} ${data.number}`;
    const first = owner.get(key);
    if (first && first.id !== event.id) {
      fail(
        'I3',
        `${data.number} on ${event.businessDay} printed twice: ${first.deviceId}#${first.deviceSeq} and ${event.deviceId}#${event.deviceSeq}`,
      );
    }
    owner.set(key, event);
  }
}

/** I6: an ack or cursor of the server's current epoch never covers what it does not hold. */
function checkAcksAndCursors(s: Snapshot): void {
  const { server } = s;
  for (const d of s.devices) {
    const { ackSeq, ackEpoch, cursor, epoch } = d.sync;
    if (ackSeq > d.clock.deviceSeq) fail('I6', `${d.deviceId} ackSeq ${ackSeq} above its seq`);
    const held = server.lastSeq.get(d.deviceId) ?? 0;
    if (ackEpoch === server.epoch && ackSeq > held) {
      fail('I6', `${d.deviceId} ackSeq ${ackSeq} but the server holds ${held}`);
    }
    if (epoch !== server.epoch) continue;
    if (cursor > server.head)
      fail('I6', `${d.deviceId} cursor ${cursor} above head ${server.head}`);
    const ids = new Set(d.events.map((e) => e.id));
    const missing = server.events.find((e) => e.siteSeq <= cursor && !ids.has(e.id));
    if (missing) {
      fail('I6', `${d.deviceId} cursor ${cursor} covers siteSeq ${missing.siteSeq} it lacks`);
    }
  }
}

/** I7: own deviceSeqs 1..n without holes, HLC strictly increasing, clock above its own events. */
function checkDeviceClocks(s: Snapshot): void {
  for (const d of s.devices) {
    const own = d.events
      .filter((e) => e.deviceId === d.deviceId)
      .sort((a, b) => a.deviceSeq - b.deviceSeq);
    own.forEach((event, i) => {
      if (event.deviceSeq !== i + 1) {
        fail('I7', `${d.deviceId} holds deviceSeq ${event.deviceSeq} at position ${i + 1}`);
      }
      const previous = own[i - 1];
      if (previous && previous.hlc >= event.hlc) {
        fail('I7', `${d.deviceId} HLC ${event.hlc} not after ${previous.hlc} (#${i + 1})`);
      }
    });
    if (own.length !== d.clock.deviceSeq) {
      fail('I7', `${d.deviceId} deviceSeq ${d.clock.deviceSeq} but ${own.length} own events`);
    }
    // Above its own events; pulled ones it adopts only within MAX_CLOCK_SKEW_MS of its
    // clock (src/storage/pull.ts), so a device whose clock ran days ahead drags no other.
    const highest = own.at(-1)?.hlc ?? '';
    if (highest !== '' && (d.clock.hlc ?? '') < highest) {
      fail('I7', `${d.deviceId} clock ${d.clock.hlc} below its own HLC ${highest}`);
    }
  }
}

/**
 * I8: no two number blocks overlap — those the server records and those devices hold —
 * unless they are one lease; no more quota tokens granted or used than the day's quota.
 */
function checkLeases(s: Snapshot): void {
  const blocks = new Map<string, Map<string, { holder: string; start: number; end: number }>>();
  const add = (day: string, prefix: string, holder: string, start: number, end: number) => {
    const key = `${day} ${prefix}`;
    const list = blocks.get(key) ?? new Map();
    list.set(`${holder} ${start} ${end}`, { holder, start, end });
    blocks.set(key, list);
  };
  for (const l of s.server.leases) add(l.businessDay, l.prefix, l.deviceId, l.start, l.end);
  for (const d of s.devices) {
    for (const c of d.cursors) {
      for (const b of c.blocks) add(c.businessDay, c.prefix, d.deviceId, b.start, b.end);
    }
  }
  for (const [key, list] of blocks) {
    const sorted = [...list.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i += 1) {
      const a = sorted[i - 1];
      const b = sorted[i];
      if (a && b && b.start <= a.end) {
        fail(
          'I8',
          `${key}: block ${a.start}-${a.end} of ${a.holder} overlaps ${b.start}-${b.end} of ${b.holder}`,
        );
      }
    }
  }
  const tokens = new Map<string, number>();
  for (const d of s.devices) {
    for (const q of d.quotas) {
      const key = `${q.businessDay}|${q.serviceId}`;
      tokens.set(key, (tokens.get(key) ?? 0) + q.granted);
    }
  }
  const used = new Map<string, number>();
  for (const event of union(s).values()) {
    if (event.type !== 'ticket.issued') continue;
    const key = `${event.businessDay}|${(event.data as { serviceId: string }).serviceId}`;
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  const check = (what: string, totals: Map<string, number>, onlyQuota: boolean) => {
    for (const [key, total] of totals) {
      const [day = '', serviceId = ''] = key.split('|');
      const quota = quotaRule(s.config, serviceId, day)?.quota;
      if (quota === undefined) {
        if (!onlyQuota) fail('I8', `${what} for ${key}, a service without a quota`);
        continue;
      }
      if (total > quota) fail('I8', `${total} ${what} for ${key}, quota ${quota}`);
    }
  };
  check('tokens held by devices', tokens, false);
  check('tokens granted by the server', s.server.quotaGranted, false);
  check('tickets issued', used, true);
}

/** Every event anywhere, by id (the server's copy first). */
function union(s: Snapshot): Map<string, KioskEvent> {
  const all = new Map<string, KioskEvent>();
  for (const event of s.server.events) all.set(event.id, withoutSiteSeq(event));
  for (const d of s.devices)
    for (const event of d.events) if (!all.has(event.id)) all.set(event.id, event);
  return all;
}

/** A fold's result as one comparable string. */
export function foldKey(state: QueueState): string {
  return canonical({
    tickets: [...state.tickets.entries()],
    waiting: [...state.waiting.entries()],
    issuedByService: [...state.issuedByService.entries()],
    duplicates: state.duplicates,
  });
}

/**
 * At quiescence: I9 (every outbox drained, every cursor at the head of the current epoch),
 * I4 (every device holds the server's set and folds it alike), I11 and I1 (every event
 * any device committed is on the server), I5 (a shuffled log with resends folds the same).
 */
export function checkConverged(s: Snapshot, rng: Rng, rounds: number): void {
  const { server } = s;
  const serverIds = server.events.map((e) => e.id).sort();
  const serverFold = foldKey(foldState(server.events.map(withoutSiteSeq)));
  for (const d of s.devices) {
    const { ackSeq, ackEpoch, cursor, epoch } = d.sync;
    if (ackSeq !== d.clock.deviceSeq || ackEpoch !== server.epoch) {
      fail(
        'I9',
        `after ${rounds} rounds ${d.deviceId} acked ${ackSeq}@${ackEpoch} of ${d.clock.deviceSeq}@${server.epoch}`,
      );
    }
    if (cursor !== server.head || epoch !== server.epoch) {
      fail('I9', `after ${rounds} rounds ${d.deviceId} cursor ${cursor} but head ${server.head}`);
    }
    const ids = d.events.map((e) => e.id).sort();
    if (canonical(ids) !== canonical(serverIds)) {
      fail('I4', `${d.deviceId} holds ${ids.length} events, the server ${serverIds.length}`);
    }
    if (foldKey(foldState(d.events)) !== serverFold) fail('I4', `${d.deviceId} folds differently`);
  }
  const onServer = new Set(serverIds);
  for (const [id, { device }] of s.committed) {
    if (!onServer.has(id)) fail('I11', `event ${id} of kiosk ${device} never reached the server`);
  }
  const events = server.events.map(withoutSiteSeq);
  const resent = events.filter(() => rng.next() < 0.3).map((e) => structuredClone(e));
  if (foldKey(foldState(rng.shuffle([...events, ...resent]))) !== serverFold) {
    fail('I5', 'a permutation of the log with resends folds differently');
  }
}
