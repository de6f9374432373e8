/**
 * Hostile devices' pushes: enrolled, with a valid token, sending what a kiosk of ours
 * never would — bent events (./mutations.ts) among valid ones — and replays.
 * Must (checked here): a refused push gets the status the bend calls for (the step checks
 * see nothing stored); an accepted push is acknowledged whole, with exactly the model's
 * counts of flagged and quarantined events; a replay stores nothing.
 */
import type { KioskEvent } from '../../src/domain/events';
import type { PushResponse } from '../../src/domain/protocol';
import type { KnownService } from './config';
import { checkEpoch } from './honest';
import { commit, fault, judge } from './judge';
import { type Device, hostileDevices, type Model, pick } from './model';
import { MUTATIONS } from './mutations';
import type { FuzzServer } from './server';
import { makeTicket, takeNumber } from './tickets';

/** Which hostile device and bend, how many events, which one to bend, values to choose with. */
export type HostilePushSpec = {
  device: number;
  mutation: number;
  size: number;
  at: number;
  value: number;
  service: number;
  dayPick: number;
};

/** Whether the push can be made now: a hostile device with a valid token, what the bend needs. */
export function canPush(model: Model, spec: HostilePushSpec): boolean {
  const mutation = MUTATIONS[spec.mutation % MUTATIONS.length];
  return hostileDevices(model).length > 0 && (mutation?.can?.(model) ?? true);
}

/** Sends a batch with one bent event; checks the answer against the bend and the model. */
export async function hostilePush(model: Model, server: FuzzServer, spec: HostilePushSpec) {
  const device = pick(hostileDevices(model), spec.device) as Device;
  const mutation = MUTATIONS[spec.mutation % MUTATIONS.length] as (typeof MUTATIONS)[number];
  device.seq = device.ackSeq;
  const services = model.site.services;
  const events: KioskEvent<'ticket.issued'>[] = [];
  for (let i = 0; i < spec.size; i++) {
    const service = services[(spec.service + i) % services.length] as KnownService;
    const choice = takeNumber(model, device, service.prefix, spec.dayPick + i);
    events.push(makeTicket(model, device, service, choice));
  }
  mutation.apply({ model, device, events, at: spec.at, value: spec.value });
  const answer = await server.client.send({
    kind: mutation.expect === 'accepted' ? 'push.hostile' : 'push.hostile.refused',
    method: 'POST',
    path: '/sync/push',
    token: device.token,
    body: { events },
  });
  const body = answer.json as PushResponse;
  if (mutation.expect !== 'accepted') {
    device.seq = device.ackSeq;
    if (answer.status !== mutation.expect) {
      throw fault(
        `'${mutation.name}' answered ${answer.status}, not ${mutation.expect}: ${answer.text.slice(0, 300)}`,
      );
    }
    if (answer.status === 409 && body.ackSeq !== device.ackSeq) {
      throw fault(
        `'${mutation.name}' 409 with ackSeq ${body.ackSeq}, the device has ${device.ackSeq}`,
      );
    }
    return;
  }
  const judged = judge(model, device, events);
  const expected = {
    ackSeq: device.seq,
    accepted: events.length,
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
      `'${mutation.name}' answered ${answer.status} ${JSON.stringify(got)}, model ${JSON.stringify(expected)}`,
    );
  }
  checkEpoch(model, body.epoch);
  commit(model, device, events, judged);
  model.stats.add('events.flagged', judged.flagged);
  model.stats.add('events.quarantined', judged.quarantined);
  lastBatch.set(device, events);
}

/** Each hostile device's last accepted batch, to replay. */
const lastBatch = new WeakMap<Device, KioskEvent[]>();

/** Sends the device's last accepted batch again: acknowledged, nothing new stored. */
export async function hostileReplay(model: Model, server: FuzzServer, index: number) {
  const device = pick(hostileDevices(model), index) as Device;
  const events = lastBatch.get(device) ?? [];
  const answer = await server.client.send({
    kind: 'push.hostile.replay',
    method: 'POST',
    path: '/sync/push',
    token: device.token,
    body: { events },
  });
  const body = answer.json as PushResponse;
  if (answer.status !== 200 || body.ackSeq !== device.ackSeq || body.accepted !== 0) {
    throw fault(
      `replay of ${events.length} answered ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
  }
}
