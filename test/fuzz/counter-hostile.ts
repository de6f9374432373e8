/**
 * Hostile devices — kiosks, lokets and boards alike — pushing counter events: actions of
 * every type on tickets the model knows (quarantined ones too), with one event bent
 * (./counter-bends.ts).
 * Must (checked here): a refused push gets its 400 (the step checks see nothing stored);
 * an accepted one is acknowledged with exactly the model's counts — a kiosk's or board's
 * counter events quarantined as not allowed, transfers to unknown services or queues
 * quarantined, events naming nobody of the staff or acting on another agency's ticket
 * quarantined (./staff-verdicts.ts) — and the public page of each known ticket it named shows what the model
 * derives from the stored actions.
 */
import { randomUUID } from 'node:crypto';
import type { KioskEvent } from '../../src/domain/events';
import type { PushResponse } from '../../src/domain/protocol';
import { dayAhead } from './config';
import { counterEvent } from './counter';
import { COUNTER_BENDS, COUNTER_TYPES, dataOf } from './counter-bends';
import { checkEpoch } from './honest';
import { commit, fault, judge } from './judge';
import { type Device, hostileDevices, type Model, pick } from './model';
import { checkTicketPage } from './pages';
import type { FuzzServer } from './server';
import { staffIdFor } from './staff-verdicts';

/** Which hostile device and bend, how many events of which types, on which tickets. */
export type HostileCounterSpec = {
  device: number;
  bend: number;
  size: number;
  at: number;
  type: number;
  value: number;
};

/** Whether the push can be made now: a hostile device with a valid token, what the bend needs. */
export function canCounterPush(model: Model, spec: HostileCounterSpec): boolean {
  const bend = COUNTER_BENDS[spec.bend % COUNTER_BENDS.length];
  return hostileDevices(model).length > 0 && (bend?.can?.(model) ?? true);
}

/** Sends counter events with one bent; checks the answer, then the pages of their tickets. */
export async function hostileCounterPush(
  model: Model,
  server: FuzzServer,
  spec: HostileCounterSpec,
): Promise<void> {
  const device = pick(hostileDevices(model), spec.device) as Device;
  const bend = COUNTER_BENDS[spec.bend % COUNTER_BENDS.length] as (typeof COUNTER_BENDS)[number];
  device.seq = device.ackSeq;
  const loket = device.loket || device.tag;
  const events: KioskEvent[] = [];
  for (let i = 0; i < spec.size; i++) {
    const type = COUNTER_TYPES[(spec.type + i) % COUNTER_TYPES.length] ?? 'ticket.called';
    const ref = pick(model.tickets, spec.value + i);
    const staffId = staffIdFor(model, device, spec.value + i);
    const action = { ticketId: ref?.id ?? randomUUID(), loket, staffId };
    const day = ref?.day ?? dayAhead(model.site, 0);
    const data = dataOf(model, type, action, spec.value + i);
    events.push(counterEvent(model, device, type, day, data as never));
  }
  bend.apply({ model, device, events, at: spec.at, value: spec.value });
  const answer = await server.client.send({
    kind: bend.expect === 'accepted' ? 'push.counter.hostile' : 'push.counter.hostile.refused',
    method: 'POST',
    path: '/sync/push',
    token: device.token,
    body: { events },
  });
  const body = answer.json as PushResponse;
  if (bend.expect !== 'accepted') {
    device.seq = device.ackSeq;
    if (answer.status !== bend.expect) {
      throw fault(
        `counter '${bend.name}' answered ${answer.status}, not ${bend.expect}: ${answer.text.slice(0, 300)}`,
      );
    }
    return;
  }
  const judged = judge(model, device, events);
  const expected = {
    ackSeq: device.seq,
    accepted: events.filter((e) => e.deviceSeq > device.ackSeq).length,
    flagged: judged.flagged,
    quarantined: judged.quarantined,
  };
  const got = {
    ackSeq: body.ackSeq,
    accepted: body.accepted,
    flagged: body.flagged,
    quarantined: body.quarantined,
  };
  if (answer.status !== 200 || JSON.stringify(got) !== JSON.stringify(expected)) {
    throw fault(
      `counter '${bend.name}' from a ${device.surface} answered ${answer.status} ${JSON.stringify(got)}, model ${JSON.stringify(expected)}: ${answer.text.slice(0, 300)}`,
    );
  }
  checkEpoch(model, body.epoch);
  commit(model, device, events, judged);
  model.stats.add('events.flagged', judged.flagged);
  model.stats.add('events.quarantined', judged.quarantined);
  for (const verdict of judged.verdicts.values()) {
    for (const reason of verdict.quarantine) model.stats.add(`events.quarantined.${reason}`);
  }
  await namedPages(model, server, events);
}

/** The public pages of the known tickets the events named (two at most). */
async function namedPages(model: Model, server: FuzzServer, events: readonly KioskEvent[]) {
  const ids = new Set<string>();
  for (const event of events) {
    const ticketId = (event.data as { ticketId?: unknown }).ticketId;
    if (typeof ticketId === 'string' && model.ticketsById.has(ticketId)) ids.add(ticketId);
  }
  for (const id of [...ids].slice(0, 2)) {
    const ref = model.ticketsById.get(id);
    if (ref === undefined) continue;
    const answer = await server.client.send({
      kind: 'ticket.page.counter',
      method: 'GET',
      path: `/tickets/${id}`,
    });
    checkTicketPage(model, ref, answer);
  }
}
