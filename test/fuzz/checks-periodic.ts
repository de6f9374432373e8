/**
 * The checks every `checkEvery` steps and at the end of a run: every honest kiosk can
 * still lease, push and pull (a probe, through the same code as its commands); every
 * acknowledged event of every device is stored exactly once (I1, I2, across SIGKILLs);
 * each honest device, kiosk or loket, holds every event the others may see (pulled to the
 * head: all but the quarantined ones); no number is printed twice among honest tickets
 * (I3); the pulled log, counter actions included, folds the same in any order (I5);
 * public pages of new tickets and of tickets counters acted on show config names, the
 * status and loket the actions make and the queue as folded from the pulled log; the
 * admin lists, the staff lists and the stored staff match the model.
 */
import { isEventOf } from '../../src/domain/events';
import { foldQueue, peopleAhead } from '../../src/domain/queue-read';
import { stepChecks } from './checks-step';
import { foldsAlike } from './fold-check';
import { issueHonest, leaseHonest, pullHonest } from './honest';
import { fault } from './judge';
import { honestDevices, key, type Model, pullers, type TicketRef } from './model';
import { checkTicketPage } from './pages';
import { readDevices, readFlagged } from './people';
import type { FuzzServer } from './server';
import { staffChecks } from './staff';

/** Public pages of new tickets checked per periodic check, at most. */
const PAGES_PER_CHECK = 20;

/** The periodic checks (with `final`, the fuller ones of the end of a run). */
export async function periodicChecks(
  model: Model,
  server: FuzzServer,
  final = false,
): Promise<void> {
  model.stats.add(final ? 'check.final' : 'check.periodic');
  await probe(model, server);
  await stepChecks(model, server);
  await storedOnce(model, server);
  const visible = model.stored - model.hidden;
  for (const device of pullers(model)) {
    if (device.holds.size !== visible) {
      throw fault(
        `honest device ${device.tag} holds ${device.holds.size} events of ${visible} visible`,
      );
    }
  }
  if (model.pulled.size !== visible)
    throw fault(`pulled ${model.pulled.size} events of ${visible} visible`);
  uniqueHonestNumbers(model);
  const days = [...model.byDay.keys()].sort();
  const checkDays = final
    ? days
    : days.filter((_, i) => (model.step / model.checkEvery + i) % 7 === 0);
  for (const day of checkDays) foldsAlike(model.byDay.get(day) ?? [], model.step);
  const pages = final
    ? model.tickets.filter((_, i) => i % Math.ceil(model.tickets.length / 500) === 0)
    : sample(model.fresh, model.step);
  await ticketPages(model, server, pages);
  model.fresh = [];
  await readDevices(model, server);
  await readFlagged(model, server, 500);
  await staffChecks(model, server);
}

/** Each honest device leases, issues one ticket and pushes it, and pulls to the head. */
async function probe(model: Model, server: FuzzServer): Promise<void> {
  for (const device of honestDevices(model)) {
    model.stats.add('probe');
    await leaseHonest(
      model,
      server,
      device,
      [{ prefix: model.step, ahead: 0, count: 10 }],
      0,
      'probe.lease',
    );
    await issueHonest(model, server, device, [{ service: model.step, dayPick: 0 }], 'probe.push');
  }
  for (const device of pullers(model)) {
    await pullHonest(model, server, device, 500, Number.POSITIVE_INFINITY, 'probe.pull');
  }
}

/** I1, I2: each device's stored events are exactly deviceSeq 1…ackSeq, its acknowledged ids. */
async function storedOnce(model: Model, server: FuzzServer): Promise<void> {
  const rows = await server.db().all<{ device_id: string; n: number; lo: number; hi: number }>(
    `SELECT device_id, COUNT(*) AS n, MIN(device_seq) AS lo, MAX(device_seq) AS hi
     FROM events WHERE site_id = ? GROUP BY device_id`,
    [model.site.siteId],
  );
  const byDevice = new Map(rows.map((r) => [r.device_id, r]));
  for (const device of model.devices) {
    const row = byDevice.get(device.deviceId) ?? { n: 0, lo: 1, hi: 0 };
    byDevice.delete(device.deviceId);
    if (row.n !== device.ackSeq || row.hi !== device.ackSeq || (row.n > 0 && row.lo !== 1)) {
      const seqs = `seq ${row.lo}…${row.hi}`;
      throw fault(
        `device ${device.tag}: stored ${row.n} events, ${seqs}, acknowledged ${device.ackSeq}`,
      );
    }
    if (device.ackSeq === 0) continue;
    const [last] = await server
      .db()
      .all<{ id: string }>('SELECT id FROM events WHERE device_id = ? AND device_seq = ?', [
        device.deviceId,
        device.ackSeq,
      ]);
    if (last?.id !== device.acked[device.ackSeq - 1]) {
      throw fault(`device ${device.tag}: event ${device.ackSeq} is ${last?.id}`);
    }
  }
  if (byDevice.size > 0) throw fault(`events of devices never enrolled: ${[...byDevice.keys()]}`);
}

/** I3: among honest devices' tickets pulled, each (day, number) appears once. */
function uniqueHonestNumbers(model: Model): void {
  const honest = new Set(honestDevices(model).map((d) => d.deviceId));
  const seen = new Map<string, string>();
  for (const event of model.pulled.values()) {
    if (!honest.has(event.deviceId) || !isEventOf(event, 'ticket.issued')) continue;
    const k = key(event.businessDay, event.data.number);
    const other = seen.get(k);
    if (other !== undefined)
      throw fault(`I3: ${k} printed by honest tickets ${other} and ${event.id}`);
    seen.set(k, event.id);
  }
}

function sample<T>(list: readonly T[], seed: number): T[] {
  if (list.length <= PAGES_PER_CHECK) return [...list];
  const step = list.length / PAGES_PER_CHECK;
  return Array.from(
    { length: PAGES_PER_CHECK },
    (_, i) => list[Math.floor((i * step + seed) % list.length)] as T,
  );
}

/** Public pages, each with the people ahead as the pulled log of its day folds. */
async function ticketPages(model: Model, server: FuzzServer, refs: readonly TicketRef[]) {
  const folds = new Map<string, ReturnType<typeof foldQueue>>();
  for (const ref of refs) {
    let state = folds.get(ref.day);
    if (state === undefined) {
      state = foldQueue(model.byDay.get(ref.day) ?? []);
      folds.set(ref.day, state);
    }
    const answer = await server.client.send({
      kind: 'ticket.page',
      method: 'GET',
      path: `/tickets/${ref.id}`,
    });
    checkTicketPage(model, ref, answer, ref.quarantined ? undefined : peopleAhead(state, ref.id));
  }
}
