/**
 * What an honest loket does, as the counter app would, with a person of the staff signed in:
 * calls a waiting ticket of the agencies that person serves there (the next, or a specific one), then recalls, serves, finishes, marks a no-show
 * or transfers it to another known service; opens, pauses and closes itself; and pushes
 * each action at once, with its ticket's business day.
 * Must (checked here): every push is acknowledged whole, nothing flagged or quarantined;
 * the ticket's public page then shows the status and loket the model derives.
 */
import { randomBytes } from 'node:crypto';
import {
  type CounterChangeType,
  EVENT_SCHEMA_VERSION,
  type EventData,
  type EventType,
  type KioskEvent,
  type TicketActionType,
} from '../../src/domain/events';
import { encodeHlc, nextHlc } from '../../src/domain/hlc';
import { uuidv7From } from '../../src/domain/ids';
import type { PushResponse } from '../../src/domain/protocol';
import { callable, ticketNow } from './counter-model';
import { checkEpoch } from './honest';
import { commit, fault, judge } from './judge';
import { type Device, honestCounters, type Model, pick, type TicketRef } from './model';
import { checkTicketPage } from './pages';
import type { FuzzServer } from './server';
import type { Person } from './staff-model';

/** The device's next event of `type` on `day`, with a fresh id, its next seq and HLC. */
export function counterEvent<T extends EventType>(
  model: Model,
  device: Device,
  type: T,
  day: string,
  data: EventData<T>,
): KioskEvent<T> {
  const now = Date.now();
  device.lastHlc = nextHlc(device.lastHlc, now);
  device.seq += 1;
  return {
    id: uuidv7From(now, randomBytes(10)),
    siteId: model.site.siteId,
    deviceId: device.deviceId,
    deviceSeq: device.seq,
    hlc: encodeHlc(device.lastHlc),
    businessDay: day,
    type,
    data,
    v: EVENT_SCHEMA_VERSION,
  };
}

/**
 * Who signs in at an honest loket, and the agencies they serve there: the first person given
 * a PIN who serves an agency of the loket's profile (the counter app lists no one else), and
 * those of their agencies the profile has; null when nobody may sign in yet.
 */
export function signedIn(
  model: Model,
  counter: Device,
): { person: Person; agencies: string[] } | null {
  const profile = model.site.profiles.get(counter.profileId)?.agencies ?? [];
  for (const person of model.staff) {
    const agencies = person.agencies.filter((a) => profile.includes(a));
    if (person.pinSet && agencies.length > 0) return { person, agencies };
  }
  return null;
}

/** Which loket, which step of what it holds, and a value to choose tickets with. */
export type CounterSpec = { device: number; choice: number; value: number };

const FROM_CALLED: TicketActionType[] = [
  'ticket.recalled',
  'ticket.serving',
  'ticket.finished',
  'ticket.no-show',
  'ticket.transferred',
];
const FROM_SERVING: TicketActionType[] = ['ticket.finished', 'ticket.transferred'];
const CHANGES: CounterChangeType[] = ['counter.opened', 'counter.paused', 'counter.closed'];

/** One loket's next action(s), pushed; its ticket's page checked. */
export async function counterAct(model: Model, server: FuzzServer, spec: CounterSpec) {
  const counter = pick(honestCounters(model), spec.device);
  if (counter === undefined) return;
  const me = signedIn(model, counter);
  if (me === null) return model.stats.add('counter.nobodySignedIn');
  const { staffId } = me.person;
  const { agencies } = me;
  const { loket } = counter;
  const events: KioskEvent[] = [];
  const change = (type: CounterChangeType, day: string) =>
    type === 'counter.opened'
      ? counterEvent(model, counter, type, day, {
          loket,
          staffId,
          serviceIds: model.site.services
            .filter((s) => agencies.includes(s.agencyId))
            .map((s) => s.serviceId),
        })
      : counterEvent(model, counter, type, day, { loket, staffId });
  const held = counter.holding && model.ticketsById.get(counter.holding.id);
  // A loket that lost its ticket to an earlier call of another one moves on.
  // So does one whose ticket is no longer of its person's agencies (another person signed in).
  let target: TicketRef | undefined =
    held &&
    ticketNow(model, held).holder === counter.deviceId &&
    agencies.includes(ticketNow(model, held).agencyId)
      ? held
      : undefined;
  if (target !== undefined) {
    const now = ticketNow(model, target);
    const steps = now.status === 'serving' ? FROM_SERVING : FROM_CALLED;
    const type = steps[spec.choice % steps.length] as TicketActionType;
    const action = { ticketId: target.id, loket, staffId };
    if (type === 'ticket.finished') {
      const outcome = (['done', 'received', 'incomplete'] as const)[spec.value % 3] ?? 'done';
      events.push(counterEvent(model, counter, type, target.day, { ...action, outcome }));
    } else if (type === 'ticket.transferred') {
      const others = model.site.services.filter((s) => s.serviceId !== now.serviceId);
      const to = others[spec.value % others.length] ?? others[0];
      if (to === undefined) throw fault('harness: a site of one service');
      const data = { toAgencyId: to.agencyId, toServiceId: to.serviceId, toPrefix: to.prefix };
      events.push(counterEvent(model, counter, type, target.day, { ...action, ...data }));
    } else events.push(counterEvent(model, counter, type, target.day, action));
    const done = ['ticket.finished', 'ticket.no-show', 'ticket.transferred'].includes(type);
    counter.holding = done ? null : counter.holding;
  } else {
    counter.holding = null;
    target = callable(model, agencies, spec.value);
    if (spec.value % 9 === 0 || target === undefined) {
      const type = CHANGES[spec.choice % CHANGES.length] as CounterChangeType;
      events.push(change(type, target?.day ?? model.tickets.at(-1)?.day ?? '2026-01-05'));
    }
    if (target !== undefined) {
      const action = { ticketId: target.id, loket, staffId };
      const reasons = ['returned', 'appointment', 'urgent', 'other'] as const;
      const data =
        spec.choice % 3 === 0
          ? { ...action, mode: 'specific' as const, reason: reasons[spec.value % 4] ?? 'other' }
          : { ...action, mode: 'next' as const };
      events.push(counterEvent(model, counter, 'ticket.called', target.day, data));
      counter.holding = { id: target.id, day: target.day };
    }
  }
  await pushCounter(model, server, counter, events);
  if (target !== undefined) {
    const answer = await server.client.send({
      kind: 'ticket.page.counter',
      method: 'GET',
      path: `/tickets/${target.id}`,
    });
    checkTicketPage(model, target, answer);
    model.stats.add('counter.acted');
  }
}

/** Pushes an honest loket's events; expects all of them acknowledged, clean. */
async function pushCounter(
  model: Model,
  server: FuzzServer,
  counter: Device,
  events: KioskEvent[],
): Promise<void> {
  const judged = judge(model, counter, events);
  if (judged.flagged + judged.quarantined > 0)
    throw fault(
      `harness: an honest loket's push would be flagged: ${JSON.stringify([...judged.verdicts])}`,
    );
  const answer = await server.client.send({
    kind: 'push.counter',
    method: 'POST',
    path: '/sync/push',
    token: counter.token,
    body: { events },
  });
  const body = answer.json as PushResponse;
  const want = { ackSeq: counter.seq, accepted: events.length, flagged: 0, quarantined: 0 };
  const got = {
    ackSeq: body.ackSeq,
    accepted: body.accepted,
    flagged: body.flagged,
    quarantined: body.quarantined,
  };
  if (answer.status !== 200 || JSON.stringify(got) !== JSON.stringify(want)) {
    throw fault(`loket push answered ${answer.status}: ${answer.text.slice(0, 400)}`);
  }
  checkEpoch(model, body.epoch);
  commit(model, counter, events, judged);
  for (const event of events) counter.holds.add(event.id);
}
