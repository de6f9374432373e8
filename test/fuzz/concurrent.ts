/**
 * Honest devices at once, as a busy lobby has them: lease requests for one queue sent
 * together (the server serializes them on the queue's head: disjoint blocks, each past
 * the one before), then pushes sent together (SQLite commits them in one group); and a
 * kiosk back from hours offline pushing a backlog of up to 500 tickets in one request.
 */
import type { LeaseResponse } from '../../src/domain/protocol';
import { checkEpoch, issueHonest, settleHonestPush } from './honest';
import type { Answer } from './http';
import { fault, leaseGranted } from './judge';
import { type Device, honestDevices, type Model, pick } from './model';
import type { FuzzServer } from './server';
import { honestService, makeTicket, takeNumber } from './tickets';

/** How many devices take part, which queue they lease, how many tickets each pushes. */
export type BurstSpec = { devices: number; prefix: number; tickets: number };

/** Leases for one queue from several honest devices at once, then their pushes at once. */
export async function burst(model: Model, server: FuzzServer, spec: BurstSpec): Promise<void> {
  const devices = honestDevices(model).slice(0, 2 + (spec.devices % 4));
  const prefix = model.site.prefixes[spec.prefix % model.site.prefixes.length] as string;
  const leases = await Promise.all(
    devices.map((device) =>
      server.client.send({
        kind: 'lease.honest.burst',
        method: 'POST',
        path: '/sync/leases',
        token: device.token,
        body: { numbers: [{ prefix, count: 10 }] },
      }),
    ),
  );
  // The grants of one queue are made one after another: check them in that order.
  const granted = devices.map((device, i) => ({ device, answer: leases[i] as Answer }));
  granted.sort((a, b) => firstStart(a.answer) - firstStart(b.answer));
  for (const { device, answer } of granted) {
    if (answer.status !== 200) throw fault(`burst lease answered ${answer.status}: ${answer.text}`);
    const body = answer.json as LeaseResponse;
    checkEpoch(model, body.epoch);
    const lines = { numbers: [{ day: body.businessDay, prefix, count: 10 }], quotas: [] };
    leaseGranted(model, device, lines, body);
  }
  const pushes = devices.map((device, i) => {
    for (let n = 0; n <= (spec.tickets + i) % 4; n++) {
      const service = honestService(model, device, spec.tickets + n);
      const choice = takeNumber(model, device, service.prefix, 0);
      device.outbox.push(makeTicket(model, device, service, choice));
    }
    const events = device.outbox.slice(0, 500);
    const answer = server.client.send({
      kind: 'push.honest.burst',
      method: 'POST',
      path: '/sync/push',
      token: device.token,
      body: { events },
    });
    return { device, events, answer };
  });
  const answers = await Promise.all(pushes.map((p) => p.answer));
  pushes.forEach(({ device, events }, i) => {
    settleHonestPush(model, device, events, answers[i] as Answer);
  });
}

/** The first block's start in a lease answer (Infinity when none was granted). */
function firstStart(answer: Answer): number {
  const body = answer.json as Partial<LeaseResponse> | undefined;
  return body?.numbers?.[0]?.start ?? Number.POSITIVE_INFINITY;
}

/** A kiosk offline for a while: `count` tickets issued, then pushed in one request. */
export async function backlog(
  model: Model,
  server: FuzzServer,
  spec: { device: number; count: number; service: number },
): Promise<void> {
  const device = pick(honestDevices(model), spec.device) as Device;
  const tickets = Array.from({ length: spec.count }, (_, i) => ({
    service: spec.service + i,
    dayPick: 0,
  }));
  await issueHonest(model, server, device, tickets, 'push.honest.backlog');
}
