/**
 * The invariants of ARCHITECTURE.md §6 over what the server and every device hold, and
 * those of the counters' ticket rules (src/domain/queue.ts).
 * I1–I3, I5–I8, I12 and I13–I15, I17 (the fold's part) hold after every step
 * (`checkSafety`; I13–I15 and I17 over the fold of every event anywhere — the log the
 * run converges to); I4, I9, I11, I16 and I17 (the losing counter's part) once the network
 * has healed and every device has synced the stated number of rounds (`checkConverged`,
 * I13–I15 and I17 again over the server's log).
 * I10 is not a check of its own: device clocks are days off while all of these hold.
 */
import type { ConfigBundle, Visit } from '../../src/domain/config/schema';
import {
  isEventOf,
  isTicketAction,
  type KioskEvent,
  type TicketActionType,
} from '../../src/domain/events';
import { type QueueBook, type QueueState, queueKey, type TicketView } from '../../src/domain/queue';
import {
  conflictsOf,
  foldQueue,
  foldState,
  queueState,
  ticketsOfDay,
} from '../../src/domain/queue-read';
import { type Issuer, LOBBY_POOL, quotaRule } from '../../src/domain/quotas';
import { canonicalOf, numberRefId } from '../../src/domain/ticket-ref';
import { visitDays, visitsOn } from '../../src/domain/visit-days';
import { type VisitReport, visitReport } from '../../src/domain/visit-report';
import { type DeviceView, readSide } from './device';
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

/** I1–I3, I5–I8, I12, and I13–I15, I17 over the fold of every event anywhere. */
export function checkSafety(s: Snapshot): void {
  checkNoLoss(s);
  checkServerLog(s);
  checkAcksAndCursors(s);
  checkDeviceClocks(s);
  checkNumbers(s);
  checkLeases(s);
  checkTicketRules([...union(s).values()], 'the union of every log');
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
      fail('I1', `event ${id} committed on device ${device} is gone from it`);
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
  // Each quota pool on its own (src/domain/quotas.ts): the lobby's, and each visit's.
  const profiles = new Map(s.devices.map((d) => [d.deviceId, d.profile]));
  const unit = s.config.profiles.find((p) => p.surface === 'mobile') ?? { surface: 'mobile' };
  const poolOf = (day: string, serviceId: string, issuer: Issuer) =>
    quotaRule(s.config, serviceId, day, issuer)?.pool ?? 'none';
  const tokens = new Map<string, number>();
  for (const d of s.devices) {
    for (const q of d.quotas) {
      const key = `${q.businessDay}|${q.serviceId}|${poolOf(q.businessDay, q.serviceId, d.profile)}`;
      tokens.set(key, (tokens.get(key) ?? 0) + q.granted);
    }
  }
  const used = new Map<string, number>();
  for (const event of union(s).values()) {
    if (event.type !== 'ticket.issued') continue;
    const { serviceId, channel } = event.data as { serviceId: string; channel: string };
    // A device replaced since has no view: its tickets' channel says which it was.
    const issuer =
      profiles.get(event.deviceId) ?? (channel === 'mobile' ? unit : { surface: 'kiosk' });
    const key = `${event.businessDay}|${serviceId}|${poolOf(event.businessDay, serviceId, issuer)}`;
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  const check = (what: string, totals: Map<string, number>, onlyQuota: boolean) => {
    for (const [key, total] of totals) {
      const [day = '', serviceId = '', pool = ''] = key.split('|');
      const quota = poolQuota(s.config, serviceId, day, pool);
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
 * I4 (every device holds the server's set and folds it alike), I16 (every replica is the
 * fold of the server's log), I13–I15 and I17 over the server's log, I17 for each losing
 * counter's own replica, I11 and I1 (every event any device committed is on the server),
 * I5 (a shuffled log with resends folds the same).
 */
export function checkConverged(s: Snapshot, rng: Rng, rounds: number): void {
  const { server } = s;
  if (server.quarantined.length > 0) {
    fail(
      'I4',
      `the server quarantined ${server.quarantined.length} events (kept from every other device): a device enrolled with a profile that may not record them?`,
    );
  }
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
  checkTicketRules(server.events.map(withoutSiteSeq), "the server's log");
  checkLosersSee(s);
  checkReplicasConverged(s);
  const onServer = new Set(serverIds);
  for (const [id, { device }] of s.committed) {
    if (!onServer.has(id)) fail('I11', `event ${id} of device ${device} never reached the server`);
  }
  const events = server.events.map(withoutSiteSeq);
  const resent = events.filter(() => rng.next() < 0.3).map((e) => structuredClone(e));
  if (foldKey(foldState(rng.shuffle([...events, ...resent]))) !== serverFold) {
    fail('I5', 'a permutation of the log with resends folds differently');
  }
}

// ---- the counters' ticket rules (src/domain/queue.ts) ----

type Action = KioskEvent<TicketActionType>;

/** The log order (hlc, deviceId, id), plain string comparison — written here again. */
function logOrder(a: KioskEvent, b: KioskEvent): number {
  const ka = [a.hlc, a.deviceId, a.id];
  const kb = [b.hlc, b.deviceId, b.id];
  for (let i = 0; i < 3; i += 1) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A ticket action the rules refuse, and whether it was a call of a ticket another holds. */
export type Refusal = { event: Action; doubleCall: boolean };

/**
 * The ticket rules of src/domain/queue.ts's header, read independently of `derive`: each
 * ticket's actions in log order; a call of a waiting or no-show ticket makes the caller
 * hold it, the holder's call again is a recall; recall, serving and no-show only by the
 * holder of a called ticket; finished and transferred by the holder of a called or serving
 * one (a transfer makes it wait again, held by none). Returns every refused action by id
 * (actions on tickets whose issue is not in `events` are left out: nothing folds them).
 */
export function readTicketRules(events: readonly KioskEvent[]): Map<string, Refusal> {
  const issued = new Set<string>();
  const byTicket = new Map<string, Action[]>();
  const ticketOf = ticketResolver(events);
  for (const event of events) {
    if (event.type === 'ticket.issued') issued.add(event.id);
    else if (isTicketAction(event)) {
      const id = ticketOf(event);
      const list = byTicket.get(id) ?? [];
      list.push(event);
      byTicket.set(id, list);
    }
  }
  const refused = new Map<string, Refusal>();
  for (const [ticketId, actions] of byTicket) {
    if (!issued.has(ticketId)) continue;
    let status: 'waiting' | 'called' | 'serving' | 'done' | 'no-show' = 'waiting';
    let holder: string | null = null;
    for (const action of [...actions].sort(logOrder)) {
      const holds = holder === action.deviceId;
      const before = status;
      let ok = false;
      switch (action.type) {
        case 'ticket.called':
          if (status === 'waiting' || status === 'no-show') {
            status = 'called';
            holder = action.deviceId;
            ok = true;
          } else ok = status === 'called' && holds;
          break;
        case 'ticket.recalled':
          ok = status === 'called' && holds;
          break;
        case 'ticket.serving':
          ok = status === 'called' && holds;
          if (ok) status = 'serving';
          break;
        case 'ticket.finished':
          ok = (status === 'called' || status === 'serving') && holds;
          if (ok) status = 'done';
          break;
        case 'ticket.no-show':
          ok = status === 'called' && holds;
          if (ok) {
            status = 'no-show';
            holder = null;
          }
          break;
        case 'ticket.transferred':
          ok = (status === 'called' || status === 'serving') && holds;
          if (ok) {
            status = 'waiting';
            holder = null;
          }
          break;
      }
      if (!ok) {
        const doubleCall =
          action.type === 'ticket.called' &&
          (before === 'called' || before === 'serving') &&
          !holds;
        refused.set(action.id, { event: action, doubleCall });
      }
    }
  }
  return refused;
}

/**
 * The ticket each action names: its ticketId, or — for an action under a number's reference
 * id (src/domain/ticket-ref.ts), named so by a call that says the number — the ticket of
 * that day and number that arrived first. Read from the log alone, apart from the fold.
 */
export function ticketResolver(events: readonly KioskEvent[]): (action: Action) => string {
  const firstOfNumber = new Map<string, KioskEvent<'ticket.issued'>>();
  const refs = new Map<string, string>();
  for (const event of events) {
    if (isEventOf(event, 'ticket.issued')) {
      const key = `${event.businessDay}\n${canonicalOf(event.data.number)}`;
      const first = firstOfNumber.get(key);
      if (!first || logOrder(event, first) < 0) firstOfNumber.set(key, event);
    } else if (isEventOf(event, 'ticket.called') && event.data.mode === 'specific') {
      const number = event.data.unseen?.number;
      if (number && numberRefId(event.businessDay, number) === event.data.ticketId) {
        refs.set(event.data.ticketId, `${event.businessDay}\n${number}`);
      }
    }
  }
  const issuedIds = new Set(events.filter((e) => e.type === 'ticket.issued').map((e) => e.id));
  return (action) => {
    const id = action.data.ticketId;
    if (issuedIds.has(id)) return id;
    const key = refs.get(id);
    return (key !== undefined && firstOfNumber.get(key)?.id) || id;
  };
}

/** Ids of the actions the fold lists as refused, for every device `events` name. */
function refusedByFold(book: QueueBook, events: readonly KioskEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const deviceId of new Set(events.map((e) => e.deviceId))) {
    for (const c of conflictsOf(book, deviceId)) {
      if (c.deviceId !== deviceId) fail('I17', `conflictsOf(${deviceId}) lists ${c.deviceId}'s`);
      ids.add(c.eventId);
    }
  }
  return ids;
}

/** I13–I15 and I17 (the fold's part) over the fold of `events`, a log each id once. */
function checkTicketRules(events: readonly KioskEvent[], where: string): void {
  const book = foldQueue(events);
  const state = queueState(book);
  const refused = refusedByFold(book, events);
  const issues = new Map<string, KioskEvent<'ticket.issued'>>();
  const actions = new Map<string, Action[]>();
  const ticketOf = ticketResolver(events);
  for (const event of [...events].sort(logOrder)) {
    if (isEventOf(event, 'ticket.issued')) issues.set(event.id, event);
    else if (isTicketAction(event)) {
      const id = ticketOf(event);
      const list = actions.get(id) ?? [];
      list.push(event);
      actions.set(id, list);
    }
  }
  for (const view of state.tickets.values()) {
    const mine = actions.get(view.id) ?? [];
    const counted = mine.filter((a) => !refused.has(a.id));
    checkServedOnce(view, counted, where);
    checkCalledFirst(view, mine, counted, where);
    checkTransferKeepsArrival(view, counted, issues, state, where);
  }
  checkWaitingByArrival(state, issues, where);
  checkRefusalsListed(events, refused, where);
}

/**
 * I13: no ticket is served twice — of its ticket.finished events, at most one counts (the
 * others are listed as refused); the ticket is done with that finish's outcome exactly when
 * one counts, and that finish is its holder's.
 */
function checkServedOnce(view: TicketView, counted: readonly Action[], where: string): void {
  const finishes = counted.filter((a) => isEventOf(a, 'ticket.finished'));
  const name = `${view.number} (${view.businessDay}) in ${where}`;
  if (finishes.length > 1) {
    fail(
      'I13',
      `${name} served twice: finished by ${finishes.map((f) => f.deviceId).join(' and ')}`,
    );
  }
  const finish = finishes[0];
  if ((view.status === 'done') !== (finish !== undefined)) {
    fail('I13', `${name} is ${view.status} but ${finishes.length} finish counts`);
  }
  const outcome = finish && isEventOf(finish, 'ticket.finished') ? finish.data.outcome : null;
  if (view.outcome !== outcome) fail('I13', `${name} has outcome ${view.outcome}, not ${outcome}`);
  if (finish && finish.deviceId !== view.holder) {
    fail('I13', `${name} finished by ${finish.deviceId}, which does not hold it (${view.holder})`);
  }
}

/**
 * I14: every finished ticket was called — a done ticket counts a call (calls ≥ 1, its last
 * call no later than the finish that counted), and that finish's counter called it before.
 */
function checkCalledFirst(
  view: TicketView,
  actions: readonly Action[],
  counted: readonly Action[],
  where: string,
): void {
  if (view.status !== 'done') return;
  const name = `${view.number} (${view.businessDay}) in ${where}`;
  if (view.calls < 1 || view.calledHlc === null) {
    fail('I14', `${name} is done but was never called (calls ${view.calls})`);
  }
  const finish = counted.find((a) => a.type === 'ticket.finished');
  if (!finish) return; // I13 says why.
  if (view.calledHlc > finish.hlc) fail('I14', `${name} was last called after its finish`);
  const called = actions.some(
    (a) => a.type === 'ticket.called' && a.deviceId === finish.deviceId && logOrder(a, finish) < 0,
  );
  if (!called) fail('I14', `${name} was finished by ${finish.deviceId}, which never called it`);
}

/**
 * I15: a transfer keeps the arrival — a transferred ticket keeps its ticket.issued's HLC,
 * device and time, is in the queue and service its last counted transfer names, and (I15
 * with `checkWaitingByArrival`) waits there in the order of that first arrival.
 */
function checkTransferKeepsArrival(
  view: TicketView,
  counted: readonly Action[],
  issues: ReadonlyMap<string, KioskEvent<'ticket.issued'>>,
  state: QueueState,
  where: string,
): void {
  const transfers = counted.filter((a) => isEventOf(a, 'ticket.transferred'));
  const name = `${view.number} (${view.businessDay}) in ${where}`;
  if (view.transfers !== transfers.length) {
    fail('I15', `${name} counts ${view.transfers} transfers, the log ${transfers.length}`);
  }
  const last = transfers.at(-1);
  if (!last || !isEventOf(last, 'ticket.transferred')) return;
  const issued = issues.get(view.id);
  if (
    !issued ||
    view.hlc !== issued.hlc ||
    view.deviceId !== issued.deviceId ||
    view.issuedAt !== issued.data.issuedAt
  ) {
    fail('I15', `${name} lost its arrival in a transfer (hlc ${view.hlc}, issued ${issued?.hlc})`);
  }
  const { toAgencyId, toServiceId, toPrefix } = last.data;
  if (view.agencyId !== toAgencyId || view.serviceId !== toServiceId || view.queue !== toPrefix) {
    fail(
      'I15',
      `${name} is in ${view.queue}/${view.serviceId}, transferred to ${toPrefix}/${toServiceId}`,
    );
  }
  if (view.status !== 'waiting') return;
  if (!state.waiting.get(queueKey(view.businessDay, toPrefix))?.includes(view.id)) {
    fail('I15', `${name} was transferred to ${toPrefix} but does not wait there`);
  }
}

/** I15: every queue waits in order of first arrival (priority and regular tickets apart). */
function checkWaitingByArrival(
  state: QueueState,
  issues: ReadonlyMap<string, KioskEvent<'ticket.issued'>>,
  where: string,
): void {
  for (const [key, ids] of state.waiting) {
    const last = new Map<boolean, KioskEvent<'ticket.issued'>>();
    for (const id of ids) {
      const issued = issues.get(id);
      if (!issued) continue;
      const priority = issued.data.priority !== null;
      const before = last.get(priority);
      if (before && logOrder(before, issued) >= 0) {
        const moved = state.tickets.get(id)?.transfers ? ' (transferred)' : '';
        fail(
          'I15',
          `${key} in ${where}: ${issued.data.number}${moved} waits after ${before.data.number}, which arrived later`,
        );
      }
      last.set(priority, issued);
    }
  }
}

/**
 * I17 (the fold's part): the actions the fold refuses (`conflictsOf`, for every device)
 * are exactly those the ticket rules refuse, read independently (`readTicketRules`).
 */
function checkRefusalsListed(
  events: readonly KioskEvent[],
  listed: ReadonlySet<string>,
  where: string,
): void {
  const refused = readTicketRules(events);
  for (const [id, { event }] of refused) {
    if (!listed.has(id)) {
      fail(
        'I17',
        `${event.deviceId}'s refused ${event.type} ${id} is not in its conflicts (${where})`,
      );
    }
  }
  for (const id of listed) {
    if (!refused.has(id))
      fail('I17', `${id}, which the rules count, is listed as refused (${where})`);
  }
}

/**
 * I17 (the losing counter's part), at quiescence: every action of a device that the rules
 * refuse, on a day its replica holds, is in `conflictsOf(its replica, its deviceId)` — the
 * counter that lost a double call is told.
 */
function checkLosersSee(s: Snapshot): void {
  const refused = readTicketRules(s.server.events.map(withoutSiteSeq));
  for (const d of s.devices) {
    if (d.replica.state === null) continue;
    const days = new Set(d.replica.days);
    const seen = new Set(
      d.replica.conflicts.filter((c) => c.deviceId === d.deviceId).map((c) => c.eventId),
    );
    for (const [id, { event }] of refused) {
      if (event.deviceId !== d.deviceId || !days.has(event.businessDay)) continue;
      if (!seen.has(id)) {
        fail(
          'I17',
          `${d.deviceId} is not shown its refused ${event.type} ${id} on ${event.businessDay}`,
        );
      }
    }
  }
}

/**
 * I16: at quiescence every device's replica — its tickets and queues, the lokets of the
 * days it holds and every device's refused actions — equals the fold of the server's log
 * for those days (I12 checks the tickets and queues against its own log after every step).
 */
function checkReplicasConverged(s: Snapshot): void {
  const events = s.server.events.map(withoutSiteSeq);
  for (const d of s.devices) {
    if (d.replica.state === null || d.replica.days.length === 0) continue;
    const days = new Set(d.replica.days);
    const ofDays = events.filter((e) => days.has(e.businessDay));
    const book = foldQueue(ofDays);
    if (stateKey(d.replica.state) !== stateKey(queueState(book))) {
      fail('I16', `${d.deviceId}'s queue state differs from the fold of the server's log`);
    }
    const folded = readSide(
      book,
      d.replica.days,
      events.map((e) => e.deviceId),
    );
    const held = { lokets: d.replica.lokets, conflicts: d.replica.conflicts };
    if (canonical(held.lokets) !== canonical(folded.lokets)) {
      fail('I16', `${d.deviceId}'s lokets differ from the fold of the server's log`);
    }
    if (canonical(held.conflicts) !== canonical(folded.conflicts)) {
      fail('I16', `${d.deviceId}'s refused actions differ from the fold of the server's log`);
    }
  }
}

/** What the converged log shows of the counters: calls, double calls, refusals, who saw them. */
export function countConflicts(s: Snapshot): Map<string, number> {
  const events = s.server.events.map(withoutSiteSeq);
  const counts = new Map<string, number>();
  const add = (name: string, n = 1) => counts.set(name, (counts.get(name) ?? 0) + n);
  const refused = readTicketRules(events);
  const ticketOf = ticketResolver(events);
  const doubleCalled = new Set<string>();
  for (const { event, doubleCall } of refused.values()) {
    add(`conflict.refused.${event.type.slice('ticket.'.length)}`);
    if (doubleCall) {
      add('conflict.doubleCall');
      doubleCalled.add(ticketOf(event));
    }
  }
  for (const e of events) {
    if (!isEventOf(e, 'ticket.called') || e.data.mode !== 'specific' || !e.data.unseen) continue;
    add('unseen.called');
    if (ticketOf(e) !== e.data.ticketId) add('unseen.joined');
  }
  add('conflict.doubleCalledTickets', doubleCalled.size);
  const state = foldState(events);
  for (const view of state.tickets.values()) {
    if (view.status === 'done') add('fold.done');
    if (view.transfers > 0) add('fold.transferred');
    if (view.status === 'no-show') add('fold.noShow');
  }
  for (const d of s.devices) {
    const days = new Set(d.replica.days);
    const seen = new Set(d.replica.conflicts.map((c) => c.eventId));
    for (const [id, { event }] of refused) {
      if (event.deviceId !== d.deviceId) continue;
      add(
        days.has(event.businessDay) && seen.has(id)
          ? 'conflict.seenByLoser'
          : 'conflict.dayNotHeld',
      );
    }
  }
  return counts;
}

/**
 * I18: an MPP bergerak visit's report as the server's admin API answers it equals the
 * report folded from the converged log (the server's events, every day of the visit).
 */
export function checkVisitReport(s: Snapshot, visit: Visit, onServer: VisitReport): void {
  const book = foldQueue(s.server.events.map(withoutSiteSeq));
  const tickets = visitDays(visit).flatMap((day) => ticketsOfDay(book, day));
  const folded = visitReport(visit, tickets);
  if (canonical(folded) !== canonical(onServer)) {
    fail(
      'I18',
      `visit ${visit.id}: the server reports ${canonical(onServer)}, the log folds to ${canonical(folded)}`,
    );
  }
}

/** The quota of one pool on a day: the lobby's daily one, or a visit's (on its days). */
function poolQuota(
  config: ConfigBundle,
  serviceId: string,
  day: string,
  pool: string,
): number | undefined {
  if (pool === LOBBY_POOL) return quotaRule(config, serviceId, day, { surface: 'kiosk' })?.quota;
  const visit = config.visits.find((v) => v.id === pool && visitsOn(v, day));
  return visit?.services.find((c) => c.service === serviceId)?.quota;
}
