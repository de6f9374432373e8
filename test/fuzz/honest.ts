/**
 * What an honest kiosk does, as the real sync client would: lease numbers and quota
 * tokens for today and days ahead, issue tickets from its leases (or its own emergency
 * namespace when none are left) and push its outbox, pull the site's log page by page.
 * Must (checked here): every answer is 200; a push is acknowledged whole with nothing
 * flagged or quarantined; a lease gets exactly what the model says; every pull page passes
 * ./pages.ts.
 */
import { type KioskEvent, PRIORITY_CATEGORIES } from '../../src/domain/events';
import type { LeaseResponse, PullResponse, PushResponse } from '../../src/domain/protocol';
import { dayAhead, type KnownService } from './config';
import type { Answer } from './http';
import { commit, fault, judge, type LeaseLines, leaseGranted } from './judge';
import type { Device, Model } from './model';
import { checkPullPage } from './pages';
import type { FuzzServer } from './server';
import { honestService, makeTicket, type TicketParts, takeNumber } from './tickets';

/** One number line: a queue (index into the site's prefixes), days ahead (0 = today), count. */
export type LineSpec = { prefix: number; ahead: number; count: number };

/** Leases number blocks (and, with `quota`, tokens of the quota service) for the device. */
export async function leaseHonest(
  model: Model,
  server: FuzzServer,
  device: Device,
  specs: readonly LineSpec[],
  quota: number,
  kind = 'lease.honest',
): Promise<void> {
  const quotaService = model.site.services.find((s) => s.quota !== undefined);
  const numbers = specs.map((s) => ({
    prefix: model.site.prefixes[s.prefix % model.site.prefixes.length] as string,
    count: s.count,
    ...(s.ahead === 0 ? {} : { businessDay: dayAhead(model.site, s.ahead) }),
  }));
  const quotas =
    quota > 0 && quotaService ? [{ serviceId: quotaService.serviceId, count: quota }] : [];
  const answer = await server.client.send({
    kind,
    method: 'POST',
    path: '/sync/leases',
    token: device.token,
    body: { numbers, quotas },
  });
  if (answer.status !== 200) throw fault(`honest lease answered ${answer.status}: ${answer.text}`);
  const body = answer.json as LeaseResponse;
  checkEpoch(model, body.epoch);
  const lines: LeaseLines = {
    numbers: numbers.map((n) => ({
      day: n.businessDay ?? body.businessDay,
      prefix: n.prefix,
      count: n.count,
    })),
    quotas: quotas.map((q) => ({ day: body.businessDay, serviceId: q.serviceId, count: q.count })),
  };
  leaseGranted(model, device, lines, body);
}

/**
 * One ticket to issue: which service, which of the days it holds numbers for, and what
 * the citizen answered (`answers` picks a priority and the documents marked missing).
 */
export type IssueSpec = { service: number; dayPick: number; answers?: number };

/** Issues tickets into the device's outbox, then pushes it. */
export async function issueHonest(
  model: Model,
  server: FuzzServer,
  device: Device,
  specs: readonly IssueSpec[],
  kind = 'push.honest',
): Promise<void> {
  for (const spec of specs) {
    const service = honestService(model, device, spec.service);
    const choice = takeNumber(model, device, service.prefix, spec.dayPick);
    device.outbox.push(
      makeTicket(model, device, service, choice, answered(service, spec.answers ?? 0)),
    );
  }
  await pushHonest(model, server, device, kind);
}

/** A priority category and missing documents (alternatives included) the kiosk may record. */
function answered(service: KnownService, answers: number): TicketParts {
  const priority = [null, ...PRIORITY_CATEGORIES][answers % 5] ?? null;
  const missing = service.requirements.filter((_, i) => (answers >> (3 + i)) & 1);
  return { priority, missing, purpose: missing.length > 0 ? 'consultation' : 'service' };
}

/** Pushes the outbox; expects all of it acknowledged, clean. */
export async function pushHonest(
  model: Model,
  server: FuzzServer,
  device: Device,
  kind = 'push.honest',
): Promise<void> {
  const events = device.outbox.slice(0, 500);
  const answer = await server.client.send({
    kind,
    method: 'POST',
    path: '/sync/push',
    token: device.token,
    body: { events },
  });
  settleHonestPush(model, device, events, answer);
}

/** Checks the answer to an honest push of `events` and records what it stored. */
export function settleHonestPush(
  model: Model,
  device: Device,
  events: readonly KioskEvent[],
  answer: Answer,
): void {
  const judged = judge(model, device, events);
  if (judged.flagged + judged.quarantined > 0) {
    throw fault(
      `harness: an honest push would be flagged: ${JSON.stringify([...judged.verdicts])}`,
    );
  }
  const body = answer.json as PushResponse;
  const last = events.at(-1)?.deviceSeq ?? device.ackSeq;
  if (answer.status !== 200 || body.ackSeq !== last || body.flagged + body.quarantined > 0) {
    throw fault(
      `honest push of ${events.length} answered ${answer.status}: ${answer.text.slice(0, 400)}`,
    );
  }
  checkEpoch(model, body.epoch);
  // After a lost answer the server may hold the first events already: it stores the rest.
  const fresh = device.uncertain ? body.accepted : events.length;
  if (body.accepted !== fresh || fresh > events.length) {
    throw fault(`honest push of ${events.length} stored ${body.accepted}`);
  }
  if (fresh < events.length) model.stats.add('push.stored before a lost answer');
  commit(model, device, events, judged);
  for (const event of events) device.holds.add(event.id);
  device.outbox = device.outbox.slice(events.length);
  device.uncertain = false;
}

/** Pulls up to `pages` pages (all of them when Infinity), checking each. */
export async function pullHonest(
  model: Model,
  server: FuzzServer,
  device: Device,
  limit: number,
  pages: number,
  kind = 'pull.honest',
): Promise<void> {
  for (let page = 0; page < pages; page++) {
    const path = `/sync/pull?cursor=${device.cursor}&limit=${limit}&own=${device.ackSeq}`;
    const answer = await server.client.send({ kind, method: 'GET', path, token: device.token });
    if (answer.status !== 200) throw fault(`honest pull answered ${answer.status}: ${answer.text}`);
    const body = answer.json as PullResponse;
    checkEpoch(model, body.epoch);
    if (body.epoch !== device.epoch) {
      // A new epoch: the server may have gone back in time; pull again from the start.
      device.epoch = body.epoch;
      device.cursor = 0;
      continue;
    }
    checkPullPage(model, device, body, answer.text, limit);
    device.cursor = body.cursor;
    if (!body.hasMore) return;
  }
}

/** Every answer carries the server's current epoch. */
export function checkEpoch(model: Model, epoch: string): void {
  if (epoch !== model.epoch) throw fault(`answer in epoch ${epoch}, server's is ${model.epoch}`);
}
