/**
 * Server restarts: a clean stop (SIGTERM) keeps the epoch; SIGKILL, idle or in the middle
 * of honest pushes, gives a new one. After a kill in the middle of pushes, each device
 * whose answer was lost pushes its outbox again, as the sync client does: the server
 * must then hold every event exactly once (the step checks compare it with the model).
 */

import { pushHonest, settleHonestPush } from './honest';
import type { Answer } from './http';
import { fault } from './judge';
import { honestDevices, type Model } from './model';
import type { FuzzServer } from './server';
import { honestService, makeTicket, takeNumber } from './tickets';

/** How the process stops; for a kill mid-push, how many devices push and when the kill comes. */
export type RestartSpec = {
  kind: 'clean' | 'kill' | 'killMidPush';
  devices: number;
  delayMs: number;
};

/** The epoch the restarted server reports. */
async function epochAfter(server: FuzzServer): Promise<string> {
  const answer = await server.client.send({ kind: 'health', method: 'GET', path: '/health' });
  if (answer.status !== 200) throw fault(`health answered ${answer.status}`);
  return (answer.json as { epoch: string }).epoch;
}

/** Restarts the server and checks its epoch: kept after a clean stop, new after SIGKILL. */
export async function restart(model: Model, server: FuzzServer, spec: RestartSpec): Promise<void> {
  if (spec.kind === 'killMidPush') return killMidPush(model, server, spec);
  await server.restart(spec.kind);
  const epoch = await epochAfter(server);
  const kept = epoch === model.epoch;
  if (kept !== (spec.kind === 'clean')) {
    throw fault(`after a ${spec.kind} restart the epoch is ${kept ? 'kept' : 'new'}`);
  }
  model.epoch = epoch;
  if (spec.kind === 'kill') model.kills += 1;
  model.stats.add(`restart.${spec.kind}`);
}

/** Pushes from several honest devices at once, SIGKILL after `delayMs`, then their resends. */
async function killMidPush(model: Model, server: FuzzServer, spec: RestartSpec): Promise<void> {
  const devices = honestDevices(model).slice(0, 1 + (spec.devices % 4));
  const batches = devices.map((device, i) => {
    for (let n = 0; n <= (spec.devices + i) % 3; n++) {
      const service = honestService(model, device, spec.devices + n);
      device.outbox.push(
        makeTicket(model, device, service, takeNumber(model, device, service.prefix, n)),
      );
    }
    const events = device.outbox.slice(0, 500);
    const sent = server.client.raw({
      kind: 'push.honest',
      method: 'POST',
      path: '/sync/push',
      token: device.token,
      body: { events },
    });
    return {
      device,
      events,
      sent: sent.then(
        (a): Answer | null => a,
        () => null,
      ),
    };
  });
  await new Promise((r) => setTimeout(r, spec.delayMs));
  await server.kill();
  model.kills += 1;
  const answers = await Promise.all(batches.map((b) => b.sent));
  await server.revive();
  const epoch = await epochAfter(server);
  if (epoch === model.epoch) throw fault('after SIGKILL the epoch is kept');
  batches.forEach(({ device, events }, i) => {
    const answer = answers[i];
    if (answer === null || answer === undefined) {
      device.uncertain = true;
      model.stats.add('push.answer lost in a kill');
      return;
    }
    model.stats.request('push.honest', answer.status);
    if (answer.status >= 500) throw fault(`push in flight at the kill answered ${answer.status}`);
    // Answered before the kill: in the old epoch, which the model still holds here.
    settleHonestPush(model, device, events, answer);
  });
  model.epoch = epoch;
  model.stats.add('restart.killMidPush');
  for (const device of devices) if (device.uncertain) await pushHonest(model, server, device);
}
