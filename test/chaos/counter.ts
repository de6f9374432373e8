/**
 * What a counter (loket) of a chaos run does, the way the real counter does it
 * (src/app/counter/runtime.ts): everything is read from the device's own replica — its loket
 * today, what `nextFor` calls next, the tickets it holds — and every action is one event
 * appended through the replica (`appendEvent`), carrying the ticket's business day. A
 * counter acts only on what its replica says it holds; the ticket rules (src/domain/queue.ts)
 * decide, once the logs meet, which of two counters' calls holds the ticket.
 */

import { findTicket, queuesOf } from '../../src/app/counter/desk-view';
import type { ConfigBundle } from '../../src/domain/config/schema';
import type { EventData, EventType, KioskEvent } from '../../src/domain/events';
import { uuidv7From } from '../../src/domain/ids';
import type { QueueBook, TicketView } from '../../src/domain/queue';
import { counters, nextFor, recentCalls, ticketsOfDay } from '../../src/domain/queue-read';
import { businessDayOf } from '../../src/domain/time';
import { appendEvent } from '../../src/replica/append';
import { readSyncState } from '../../src/storage/sync-state';
import { type CounterAction, serviceSet } from './case';
import type { SimDevice } from './device';
import type { Rng } from './rng';

/** What one counter command did (its name in the stats) and the events it recorded. */
export type Acted = {
  what: string;
  /** Events this command recorded (a loket opened first, then the action). */
  events: KioskEvent[];
  /** The ticket called (a call), for spotting double calls. */
  called?: TicketView;
};

/** The loket a counter device uses (its number among the counters, from 1) and its person, whom the server made a staff member of every agency (./server.ts). */
function loketOf(device: SimDevice, index: number): { loket: string; staffId: string } {
  return { loket: String(index + 1), staffId: `staff-${device.identity.deviceId}` };
}

export class SimCounter {
  constructor(
    readonly device: SimDevice,
    /** Its place among the run's counters: loket index + 1. */
    readonly index: number,
    private readonly config: ConfigBundle,
    private readonly rng: Rng,
  ) {}

  /** The counter's business day: from its own clock, as the runtime's `today()`. */
  today(): string {
    return businessDayOf(this.device.now(), this.config.site.timeZone);
  }

  /** The replica's state with today loaded (the runtime loads today at start and each tick). */
  async book(): Promise<QueueBook> {
    const { replica } = this.device;
    await replica.loadDay(this.today());
    const book = replica.state;
    if (!book) throw new Error(`${this.device.identity.deviceId}: no queue state after loadDay`);
    return book;
  }

  /** This device's loket today, as its last change says (closed: none) — `myLoket`. */
  private mine(book: QueueBook) {
    const mine = counters(book, this.today()).find(
      (c) => c.deviceId === this.device.identity.deviceId,
    );
    return mine && mine.state !== 'closed' ? mine : null;
  }

  /** Opens the loket with the `services`-th service set (or reopens with other services). */
  async open(services: number): Promise<Acted> {
    const { loket, staffId } = loketOf(this.device, this.index);
    const serviceIds = serviceSet(this.config, services);
    const event = await this.record('counter.opened', { loket, staffId, serviceIds }, this.today());
    return { what: 'counter.opened', events: [event] };
  }

  /** Pauses or closes the loket (nothing when none is open). */
  async close(pause: boolean): Promise<Acted> {
    const book = await this.book();
    const mine = this.mine(book);
    if (!mine) return { what: 'counter.notOpen', events: [] };
    const type = pause ? 'counter.paused' : 'counter.closed';
    const event = await this.record(
      type,
      { loket: mine.loket, staffId: mine.staffId },
      this.today(),
    );
    return { what: type, events: [event] };
  }

  /** Calls next: `nextFor` on its own replica's state, mode 'next'. */
  async callNext(): Promise<Acted> {
    const { opened, loket } = await this.ensureOpen();
    const book = await this.book();
    const next = nextFor(book, this.today(), loket.serviceIds);
    if (!next) return { what: 'call.nobodyWaiting', events: opened };
    const event = await this.record(
      'ticket.called',
      { ticketId: next.id, loket: loket.loket, staffId: loket.staffId, mode: 'next' },
      next.businessDay,
    );
    return { what: 'call.next', events: [...opened, event], called: next };
  }

  /**
   * Calls a ticket it knows out of order (a citizen who came back): the `pick`-th of today's
   * waiting or no-show tickets in arrival order — pick 0 is the oldest, which a loket that
   * has not seen another's call of it calls too.
   */
  async callSpecific(pick: number): Promise<Acted> {
    const { opened, loket } = await this.ensureOpen();
    const book = await this.book();
    const callable = ticketsOfDay(book, this.today()).filter(
      (t) => t.status === 'waiting' || t.status === 'no-show',
    );
    const ticket = callable[pick % Math.max(1, callable.length)];
    if (!ticket) return { what: 'call.nobodyWaiting', events: opened };
    const event = await this.record(
      'ticket.called',
      {
        ticketId: ticket.id,
        loket: loket.loket,
        staffId: loket.staffId,
        mode: 'specific',
        reason: 'returned',
      },
      ticket.businessDay,
    );
    return { what: 'call.specific', events: [...opened, event], called: ticket };
  }

  /**
   * Calls a ticket by its `typed` number, as staff type it: found by `findTicket` (the
   * counter's own code) — by id when its replica has the ticket, else by the number's
   * reference id, saying the number. Nothing when the number was called already.
   */
  async callNumber(typed: string): Promise<Acted> {
    const { opened, loket } = await this.ensureOpen();
    const book = await this.book();
    const queues = queuesOf(
      this.config,
      this.config.agencies.flatMap((a) => a.services.map((s) => s.id)),
    );
    const found = findTicket(book, this.today(), typed, queues);
    if (found.kind !== 'found') return { what: `call.number.${found.kind}`, events: opened };
    const event = await this.record(
      'ticket.called',
      {
        ticketId: found.id,
        loket: loket.loket,
        staffId: loket.staffId,
        mode: 'specific',
        reason: 'returned',
        ...(found.unseen ? { unseen: found.unseen } : {}),
      },
      found.businessDay,
    );
    const called = book.ticket(found.id);
    return {
      what: found.unseen ? 'call.number.unseen' : 'call.number.known',
      events: [...opened, event],
      ...(called ? { called } : {}),
    };
  }

  /** Recalls, starts serving, finishes or marks a no-show the `pick`-th ticket it holds. */
  async act(action: CounterAction, pick: number): Promise<Acted> {
    const allowed: Record<CounterAction, readonly string[]> = {
      recall: ['called'],
      serve: ['called'],
      finish: ['called', 'serving'],
      noShow: ['called'],
    };
    const { opened, loket, ticket } = await this.held(pick, allowed[action]);
    if (!ticket) return { what: `${action}.nothingHeld`, events: opened };
    const data = { ticketId: ticket.id, loket: loket.loket, staffId: loket.staffId };
    const day = ticket.businessDay;
    const event =
      action === 'recall'
        ? await this.record('ticket.recalled', data, day)
        : action === 'serve'
          ? await this.record('ticket.serving', data, day)
          : action === 'finish'
            ? await this.record('ticket.finished', { ...data, outcome: 'done' }, day)
            : await this.record('ticket.no-show', data, day);
    return { what: `act.${action}`, events: [...opened, event] };
  }

  /** Sends the `pick`-th ticket it holds to the `service`-th other service of the site. */
  async transfer(pick: number, service: number): Promise<Acted> {
    const { opened, loket, ticket } = await this.held(pick, ['called', 'serving']);
    if (!ticket) return { what: 'transfer.nothingHeld', events: opened };
    const targets = this.config.agencies.flatMap((agency) =>
      agency.services.filter((s) => s.id !== ticket.serviceId).map((s) => ({ agency, service: s })),
    );
    const target = targets[service % targets.length];
    if (!target) return { what: 'transfer.noTarget', events: opened };
    const event = await this.record(
      'ticket.transferred',
      {
        ticketId: ticket.id,
        loket: loket.loket,
        staffId: loket.staffId,
        toAgencyId: target.agency.id,
        toServiceId: target.service.id,
        toPrefix: target.service.prefix ?? target.agency.prefix,
      },
      ticket.businessDay,
    );
    return { what: 'act.transfer', events: [...opened, event] };
  }

  /**
   * The `pick`-th ticket its replica says it holds (holder is this device) in one of
   * `statuses`, newest call first, then those called before their ticket arrived — the
   * runtime's "current" cards.
   */
  private async held(pick: number, statuses: readonly string[]) {
    const { opened, loket } = await this.ensureOpen();
    const book = await this.book();
    const me = this.device.identity.deviceId;
    const mine: { id: string; businessDay: string; serviceId: string | null }[] = [
      ...recentCalls(book, this.today(), 500),
      ...book.model().refs.unseenTickets(),
    ].filter((t) => t.holder === me && statuses.includes(t.status));
    return { opened, loket, ticket: mine[pick % Math.max(1, mine.length)] };
  }

  /** Its loket today; opened first with every service when none is (staff sign in, open). */
  private async ensureOpen() {
    const opened: KioskEvent[] = [];
    let loket = this.mine(await this.book());
    if (!loket) {
      opened.push(...(await this.open(0)).events);
      loket = this.mine(await this.book());
    }
    if (!loket) throw new Error(`${this.device.identity.deviceId}: its loket did not open`);
    return { opened, loket };
  }

  /** Appends one event through the replica, as the runtime's `record` (time + server offset). */
  private async record<T extends EventType>(
    type: T,
    data: EventData<T>,
    businessDay: string,
  ): Promise<KioskEvent<T>> {
    const { db } = this.device;
    const { serverOffsetMs } = await readSyncState(db).catch(() => ({ serverOffsetMs: 0 }));
    const at = this.device.now();
    return appendEvent(this.device.replica, this.device.identity, {
      id: uuidv7From(at, this.rng.bytes(10)),
      physicalMs: at + serverOffsetMs,
      businessDay,
      type,
      data,
    });
  }
}
