/**
 * What the counter's screens show, from the queue state: the tickets a loket holds, the
 * waiting list of its services in serving order, the services it may serve or transfer to,
 * and a ticket found by its typed number or scanned QR. Pure: the runtime passes the state.
 */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { UnseenTicket } from '../../domain/events';
import { localized } from '../../domain/i18n/local-text';
import { journeyTickets } from '../../domain/journey-read';
import type { CounterView as Loket, QueueBook, TicketView } from '../../domain/queue';
import { nextFor, recentCalls, ticketsOfDay } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
import type { LinkedTicket } from '../../domain/ticket-link';
import { readTicketLink, type TicketLink } from '../../domain/ticket-link-read';
import { canonicalOf, numberRefId, readTypedNumber } from '../../domain/ticket-ref';
import { findService } from '../../machines/kiosk.selectors';
import type { CounterLanguage } from '../../ui/counter/text';
import type { ServiceOption, TicketCard, WaitingRow } from '../../ui/counter/view';

/** The desk's parts for `loket` on its device at `now`. */
export function deskOf(
  book: QueueBook,
  config: ConfigBundle,
  deviceId: string,
  loket: Loket,
  lang: CounterLanguage,
  now: number,
) {
  const day = loket.businessDay;
  const at = now;
  const minutes = (t: TicketView) => Math.max(0, Math.floor((at - t.issuedAt) / 60_000));
  const names = serviceNames(config, lang);
  const current: TicketCard[] = recentCalls(book, day, 500)
    .filter((t) => t.holder === deviceId && (t.status === 'called' || t.status === 'serving'))
    .map((t) => ({
      id: t.id,
      number: t.number,
      service: names.get(t.serviceId)?.name ?? t.serviceId,
      agency: names.get(t.serviceId)?.agency ?? t.agencyId,
      status: t.status as 'called' | 'serving',
      waitedMinutes: minutes(t),
      priority: t.priority !== null,
      journey: t.journey && { step: t.journey.step, of: t.journey.of },
      transfers: t.transfers,
      recalls: t.recalls,
      unseen: false,
      requirements: names.get(t.serviceId)?.requirements ?? [],
    }));
  for (const t of book.model().refs.unseenTickets()) {
    if (t.holder !== deviceId || (t.status !== 'called' && t.status !== 'serving')) continue;
    const known = t.serviceId === null ? undefined : names.get(t.serviceId);
    const prefix = t.number.slice(0, t.number.indexOf('-'));
    const agency = config.agencies.find((a) => a.prefix === prefix);
    current.push({
      id: t.id,
      number: t.number,
      service: known?.name ?? unknownService[lang],
      agency: known?.agency ?? (agency ? localized(agency.shortName, lang) : '—'),
      status: t.status,
      waitedMinutes: null,
      priority: false,
      journey: null,
      transfers: 0,
      recalls: 0,
      unseen: true,
      requirements: known?.requirements ?? [],
    });
  }
  const next = nextFor(book, day, loket.serviceIds);
  const serves = new Set(loket.serviceIds);
  const waiting: WaitingRow[] = queuesOf(config, loket.serviceIds)
    .flatMap((queue) => book.waitingIn(day, queue))
    .filter((t) => serves.has(t.serviceId))
    .map((t) => ({
      id: t.id,
      number: t.number,
      service: names.get(t.serviceId)?.name ?? t.serviceId,
      waitedMinutes: minutes(t),
      priority: t.priority !== null,
      journey: t.journey && { step: t.journey.step, of: t.journey.of },
      transferred: t.transfers > 0,
      held: false,
      next: t.id === next?.id,
    }))
    .sort((a, b) => Number(b.next) - Number(a.next));
  return {
    services: loket.serviceIds.map((id) => ({
      id,
      name: names.get(id)?.name ?? id,
      agency: names.get(id)?.agency ?? '',
    })),
    transferTargets: allServices(config, lang).filter((s) => !serves.has(s.id)),
    current,
    waiting,
  };
}

const unknownService = { id: 'Layanan belum diketahui', en: 'Service not known yet' };

type ServiceNames = {
  name: string;
  agency: string;
  requirements: { id: string; name: string }[];
};

function serviceNames(config: ConfigBundle, lang: CounterLanguage): Map<string, ServiceNames> {
  const names = new Map<string, ServiceNames>();
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      names.set(service.id, {
        name: localized(service.name, lang),
        agency: localized(agency.shortName, lang),
        requirements: service.requirements.map((r) => ({
          id: r.id,
          name: localized(r.label, lang),
        })),
      });
    }
  }
  return names;
}

function allServices(config: ConfigBundle, lang: CounterLanguage): ServiceOption[] {
  return config.agencies.flatMap((agency) =>
    agency.services.map((s) => ({
      id: s.id,
      name: localized(s.name, lang),
      agency: localized(agency.shortName, lang),
    })),
  );
}

/**
 * The services a person may serve here: their agencies' and those served at their agencies'
 * desks, within the device profile's agencies.
 */
export function servicesOf(
  config: ConfigBundle,
  profile: Profile,
  me: StaffVerifier,
  lang: CounterLanguage,
): ServiceOption[] {
  const mine = (id: string) =>
    me.agencies.includes(id) && (!profile.agencies || profile.agencies.includes(id));
  // Their agencies' services, and those another agency has served at their desk (`servedAt`).
  return config.agencies.flatMap((agency) =>
    agency.services
      .filter((s) => mine(agency.id) || (s.servedAt !== undefined && mine(s.servedAt)))
      .map((s) => ({
        id: s.id,
        name: localized(s.name, lang),
        agency: localized(agency.shortName, lang),
      })),
  );
}

/** A ticket to call out of order, as the counter found it. */
export type FoundTicket =
  | { kind: 'none' }
  /** Known here, but called, served or finished already. */
  | { kind: 'taken'; number: string }
  /** Callable; `unseen` when this replica has not seen its ticket (what the counter knows). */
  | { kind: 'found'; id: string; businessDay: string; unseen?: UnseenTicket };

/**
 * A ticket by a scanned QR (…/t/<id>, with the number, service and day after '#', and a
 * journey's later steps: src/domain/ticket-link.ts) or a typed number ("a-12", "A-012") of
 * one of the loket's queues (`prefixes`). Of a journey's tickets, the first not finished
 * that this loket serves (`serves`), else the first not finished. A ticket this replica has
 * not seen is found too: by its QR's id, or by its typed number's reference id
 * (src/domain/ticket-ref.ts); its call waits in the log and joins the ticket when it arrives.
 */
export function findTicket(
  book: QueueBook,
  day: string,
  query: string,
  prefixes: readonly string[],
  serves: readonly string[] = [],
): FoundTicket {
  const link = readTicketLink(query);
  if (link && link.tickets.length > 0) {
    const step = stepToCall(book, link, serves);
    const known = book.ticket(step.id);
    if (known) return callable(known);
    const businessDay = link.businessDay ?? day;
    const number = canonicalOf(step.number);
    const { serviceId } = step;
    const unseen =
      number === null
        ? undefined
        : { number, ...(/^[\w-]{1,64}$/.test(serviceId) ? { serviceId } : {}) };
    return { kind: 'found', id: step.id, businessDay, ...(unseen ? { unseen } : {}) };
  }
  const number = readTypedNumber(query, prefixes);
  if (number === null) return { kind: 'none' };
  let taken: TicketView | undefined;
  for (const ticket of ticketsOfDay(book, day)) {
    if (canonicalOf(ticket.number) !== number) continue;
    if (ticket.status === 'waiting' || ticket.status === 'no-show' || ticket.status === 'held') {
      return { kind: 'found', id: ticket.id, businessDay: ticket.businessDay };
    }
    taken ??= ticket;
  }
  if (taken) return { kind: 'taken', number: taken.number };
  return { kind: 'found', id: numberRefId(day, number), businessDay: day, unseen: { number } };
}

/** Of a scanned link's tickets (a journey's steps, as it names them and as known here), the one to call. */
function stepToCall(book: QueueBook, link: TicketLink, serves: readonly string[]): LinkedTicket {
  const first = link.tickets[0] as LinkedTicket;
  const steps = new Map<string, LinkedTicket & { done: boolean }>();
  for (const t of link.tickets) steps.set(t.id, { ...t, done: false });
  if (book.ticket(first.id)?.journey) {
    for (const t of journeyTickets(book, first.id)) {
      const { id, number, serviceId } = t;
      steps.set(id, { id, number, serviceId, done: t.status === 'done' });
    }
  }
  const open = [...steps.values()].filter((t) => !t.done);
  return open.find((t) => serves.includes(t.serviceId)) ?? open[0] ?? first;
}

function callable(ticket: TicketView): FoundTicket {
  return ticket.status === 'waiting' || ticket.status === 'no-show' || ticket.status === 'held'
    ? { kind: 'found', id: ticket.id, businessDay: ticket.businessDay }
    : { kind: 'taken', number: ticket.number };
}

/** The queues (prefixes) of the services a loket serves. */
export function queuesOf(config: ConfigBundle, serviceIds: readonly string[]): string[] {
  return [
    ...new Set(
      serviceIds.flatMap((id) => {
        const found = findService(config, id);
        return found ? [found.service.prefix ?? found.agency.prefix] : [];
      }),
    ),
  ];
}
