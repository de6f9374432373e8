/**
 * Checks of what other devices and the public see: each pull page an honest device gets,
 * and the citizen's ticket page. Quarantined events (a type its device may not record, a
 * ticket or transfer naming what the config never had) and strings the site never
 * published must appear in neither; flags must be exactly the model's; the public page
 * shows names from the config (of the service the ticket is in now), a number of the
 * checked pattern, and the status and loket the counters' actions make (./counter-model.ts).
 */
import * as v from 'valibot';
import { isEventOf } from '../../src/domain/events';
import type { PullResponse, TicketStatus } from '../../src/domain/protocol';
import { TicketStatusSchema } from '../../src/domain/status-schema';
import {
  expectedQuarantine,
  expectedServicesQuarantine,
  expectedTransferQuarantine,
  mayRecord,
} from './config';
import { ticketNow } from './counter-model';
import type { Answer } from './http';
import { fault } from './judge';
import type { Device, Model, TicketRef } from './model';

/** Free text a device could have sent: a NIK (16 digits) is the one that must never leak. */
const NIK = /\d{16}/;
const NUMBER = /^[A-Z]{1,3}-[A-Z]{0,3}\d{2,6}$/;

const sameFlags = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** One pull page against the model; records its events as pulled by `device`. */
export function checkPullPage(
  model: Model,
  device: Device,
  page: PullResponse,
  text: string,
  limit: number,
): void {
  if (page.siteId !== undefined && page.siteId !== model.site.siteId) {
    throw fault(`pull page of site ${page.siteId}`);
  }
  if (NIK.test(text)) throw fault(`pull page holds a NIK-like string: ${NIK.exec(text)?.[0]}`);
  if (page.events.length > limit)
    throw fault(`pull page of ${page.events.length} > limit ${limit}`);
  if (page.head !== model.stored)
    throw fault(`pull head ${page.head}, the model stored ${model.stored}`);
  if (
    page.cursor < device.cursor ||
    page.cursor > page.head ||
    page.hasMore !== page.cursor < page.head
  ) {
    throw fault(
      `pull page cursor ${page.cursor} head ${page.head} hasMore ${page.hasMore} from ${device.cursor}`,
    );
  }
  let previous = device.cursor;
  for (const event of page.events) {
    const verdict = model.verdicts.get(event.id);
    if (verdict === undefined) throw fault(`pulled event ${event.id} the model never saw stored`);
    if (verdict.quarantine.length > 0) throw fault(`pulled quarantined event ${event.id}`);
    if (event.siteSeq <= previous || event.siteSeq > page.cursor) {
      throw fault(
        `pulled siteSeq ${event.siteSeq} out of order (after ${previous}, cursor ${page.cursor})`,
      );
    }
    previous = event.siteSeq;
    if (event.deviceId === device.deviceId && event.deviceSeq <= device.ackSeq) {
      throw fault(`pulled own event ${event.deviceSeq} ≤ own ${device.ackSeq}`);
    }
    if (!sameFlags(event.flags, verdict.flags)) {
      throw fault(
        `pulled ${event.id} flagged ${JSON.stringify(event.flags)}, model ${JSON.stringify(verdict.flags)}`,
      );
    }
    const author = model.devices.find((d) => d.deviceId === event.deviceId);
    if (author === undefined || !mayRecord(author.surface, event.type)) {
      throw fault(`pulled ${event.type} ${event.id} of a ${author?.surface ?? 'unknown'} device`);
    }
    if (
      (isEventOf(event, 'ticket.issued') && expectedQuarantine(model.site, event.data).length) ||
      (isEventOf(event, 'ticket.transferred') &&
        expectedTransferQuarantine(model.site, event.data).length) ||
      (isEventOf(event, 'counter.opened') &&
        expectedServicesQuarantine(model.site, event.data.serviceIds).length)
    ) {
      throw fault(
        `pulled event ${event.id} names what the config never had: ${JSON.stringify(event.data)}`,
      );
    }
    device.holds.add(event.id);
    const seen = model.pulled.get(event.id);
    if (seen !== undefined) {
      if (seen.siteSeq !== event.siteSeq)
        throw fault(`event ${event.id} moved from siteSeq ${seen.siteSeq}`);
      continue;
    }
    model.pulled.set(event.id, event);
    const day = model.byDay.get(event.businessDay) ?? [];
    day.push(event);
    model.byDay.set(event.businessDay, day);
  }
}

/** The public page of a ticket the model knows; `ahead` when the model can tell it. */
export function checkTicketPage(
  model: Model,
  ref: TicketRef,
  answer: Answer,
  ahead?: number,
): void {
  if (NIK.test(answer.text)) throw fault(`ticket page holds a NIK-like string: ${answer.text}`);
  if (ref.quarantined) {
    if (answer.status !== 404)
      throw fault(`quarantined ticket ${ref.id} page answered ${answer.status}`);
    return;
  }
  if (answer.status !== 200)
    throw fault(`ticket ${ref.id} page answered ${answer.status}: ${answer.text}`);
  const shaped = v.safeParse(TicketStatusSchema, answer.json);
  if (!shaped.success) {
    throw fault(`ticket ${ref.id} page is not a ticket status: ${shaped.issues[0].message}`);
  }
  const page: TicketStatus = shaped.output;
  const now = ticketNow(model, ref);
  const service = model.site.services.find((s) => s.serviceId === now.serviceId);
  if (service === undefined) throw fault(`harness: unknown service ${now.serviceId}`);
  const names =
    JSON.stringify([page.agencyName, page.serviceName]) ===
    JSON.stringify([service.agencyName, service.serviceName]);
  if (!names || page.id !== ref.id || page.number !== ref.number || !NUMBER.test(page.number)) {
    throw fault(`ticket page of ${JSON.stringify(ref)} in ${now.serviceId}: ${answer.text}`);
  }
  if (page.agencyId !== now.agencyId || page.serviceId !== now.serviceId) {
    throw fault(`ticket page of ${JSON.stringify(ref)} in ${now.serviceId}: ${answer.text}`);
  }
  if (page.businessDay !== ref.day) {
    throw fault(`ticket page of ${JSON.stringify(ref)}: ${answer.text}`);
  }
  if (page.status !== now.status || page.loket !== now.loket || page.transfers !== now.transfers) {
    const want = { status: now.status, loket: now.loket, transfers: now.transfers };
    throw fault(
      `ticket page of ${ref.id}: ${answer.text}, the actions make ${JSON.stringify(want)}`,
    );
  }
  if (ahead !== undefined && page.peopleAhead !== ahead) {
    throw fault(
      `ticket page of ${ref.id}: ${page.peopleAhead} ahead, the pulled log folds to ${ahead}`,
    );
  }
}
