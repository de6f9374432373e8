/**
 * What a signed-in person at a loket does to tickets: call next, call one out of order (by
 * QR or typed number, seen here or not), recall, serve, finish, no-show and transfer. Each
 * is one event recorded through the runtime; what a loket holds is read from the queue
 * state. Must: an action carries the ticket's business day; an action the server would
 * quarantine (another agency's ticket) is never recorded, and staff are told why.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import type { EventData, EventType } from '../../domain/events';
import type { CounterView as Loket, QueueBook, TicketView } from '../../domain/queue';
import { nextFor } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
import { findService } from '../../machines/kiosk.selectors';
import type { Replica } from '../../replica/replica';
import type { CounterActions, Message } from '../../ui/counter/view';
import { findTicket, queuesOf } from './desk-view';
import { agencyRefusal, calledUnseen, NOTICES, notFound, taken } from './messages';

/** Records one event of this counter; whether it was stored (when not, staff are told). */
export type RecordEvent = <T extends EventType>(
  type: T,
  data: EventData<T>,
  businessDay: string,
) => Promise<boolean>;

export type DeskContext = {
  config: ConfigBundle;
  replica: Replica;
  today: () => string;
  /** This device's loket today; null when none is open. */
  myLoket: (book: QueueBook) => Loket | null;
  me: () => StaffVerifier | null;
  record: RecordEvent;
  tell: (message: Message) => void;
};

type TicketActionName =
  | 'callNext'
  | 'callSpecific'
  | 'recall'
  | 'serve'
  | 'finish'
  | 'finishWith'
  | 'noShow'
  | 'transfer';

export function ticketActions(ctx: DeskContext): Pick<CounterActions, TicketActionName> {
  const { config, replica, today, myLoket, record, tell } = ctx;
  // Every queue of the site: a typed number may be of a ticket transferred here.
  const siteQueues = queuesOf(
    config,
    config.agencies.flatMap((a) => a.services.map((s) => s.id)),
  );

  /** The loket and person acting now, with the queue state; null when either is missing. */
  const desk = () => {
    const book = replica.state;
    const loket = book && myLoket(book);
    const me = ctx.me();
    return book && loket && me ? { book, loket, me } : null;
  };

  /** Says why the signed-in person may not act on the ticket, if they may not. */
  const refuse = (ticket: TicketView | undefined, me: StaffVerifier): boolean => {
    const refusal = agencyRefusal(ticket, me);
    if (refusal) tell(refusal);
    return Boolean(refusal);
  };

  function act<
    T extends
      | 'ticket.recalled'
      | 'ticket.serving'
      | 'ticket.finished'
      | 'ticket.no-show'
      | 'ticket.transferred',
  >(type: T, ticketId: string, extra: Omit<EventData<T>, 'ticketId' | 'loket' | 'staffId'>) {
    const at = desk();
    if (!at) return;
    // A ticket not seen here yet is acted on by the id its call named.
    const seen = at.book.ticket(ticketId);
    const ticket =
      seen ??
      at.book
        .model()
        .refs.unseenTickets()
        .find((t) => t.id === ticketId);
    // A ticket seen here is judged by its agency now; an unseen one cannot be, here or at the server.
    if (!ticket || refuse(seen, at.me)) return;
    const data = { ticketId: ticket.id, loket: at.loket.loket, staffId: at.me.staffId };
    void record(type, { ...data, ...extra } as EventData<T>, ticket.businessDay);
  }

  return {
    callNext() {
      const at = desk();
      if (!at) return;
      const next = nextFor(at.book, today(), at.loket.serviceIds);
      if (!next) return tell(NOTICES.nobodyWaiting);
      if (refuse(next, at.me)) return;
      const data = { ticketId: next.id, loket: at.loket.loket, staffId: at.me.staffId };
      void record('ticket.called', { ...data, mode: 'next' }, next.businessDay);
    },
    recall: (id) => act('ticket.recalled', id, {}),
    serve: (id) => act('ticket.serving', id, {}),
    finish: (id) => act('ticket.finished', id, { outcome: 'done' }),
    finishWith: (id, detail) => act('ticket.finished', id, detail),
    noShow: (id) => act('ticket.no-show', id, {}),
    transfer(id, serviceId) {
      const target = findService(config, serviceId);
      if (!target) return;
      act('ticket.transferred', id, {
        toAgencyId: target.agency.id,
        toServiceId: target.service.id,
        toPrefix: target.service.prefix ?? target.agency.prefix,
      });
    },
    callSpecific(query, reason) {
      const at = desk();
      if (!at) return;
      const found = findTicket(at.book, today(), query, siteQueues, at.loket.serviceIds);
      if (found.kind === 'none') return tell(notFound(query));
      if (found.kind === 'taken') return tell(taken(found.number));
      if (refuse(at.book.ticket(found.id), at.me)) return;
      const data = { ticketId: found.id, loket: at.loket.loket, staffId: at.me.staffId };
      const unseen = found.unseen ? { unseen: found.unseen } : {};
      const called = record(
        'ticket.called',
        { ...data, mode: 'specific', reason, ...unseen },
        found.businessDay,
      );
      const n = found.unseen?.number;
      if (n === undefined) return;
      // Said once the call is stored: storing clears the previous message.
      void called.then((stored) => {
        if (stored) tell(calledUnseen(n));
      });
    },
  };
}
