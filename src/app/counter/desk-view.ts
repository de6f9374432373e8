/**
 * What the counter's screens show, from the queue state: the tickets a loket holds, the
 * waiting list of its services in serving order, the services it may serve or transfer to,
 * and a ticket found by its typed number or scanned QR. Pure: the runtime passes the state.
 */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { isUuid } from '../../domain/ids';
import type { CounterView as Loket, QueueBook, TicketView } from '../../domain/queue';
import { nextFor, recentCalls, ticketsOfDay } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
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
    }));
  const next = nextFor(book, day, loket.serviceIds);
  const serves = new Set(loket.serviceIds);
  const queues = new Set(
    loket.serviceIds.flatMap((id) => {
      const found = findService(config, id);
      return found ? [found.service.prefix ?? found.agency.prefix] : [];
    }),
  );
  const waiting: WaitingRow[] = [...queues]
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

function serviceNames(
  config: ConfigBundle,
  lang: CounterLanguage,
): Map<string, { name: string; agency: string }> {
  const names = new Map<string, { name: string; agency: string }>();
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      names.set(service.id, {
        name: localized(service.name, lang),
        agency: localized(agency.shortName, lang),
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

/** The services a person may serve here: their agencies, within the device profile's. */
export function servicesOf(
  config: ConfigBundle,
  profile: Profile,
  me: StaffVerifier,
  lang: CounterLanguage,
): ServiceOption[] {
  return config.agencies
    .filter(
      (a) => me.agencies.includes(a.id) && (!profile.agencies || profile.agencies.includes(a.id)),
    )
    .flatMap((agency) =>
      agency.services.map((s) => ({
        id: s.id,
        name: localized(s.name, lang),
        agency: localized(agency.shortName, lang),
      })),
    );
}

/**
 * A ticket by a typed number ("a-12", "A-012") or a scanned QR (…/t/<id>, with the number,
 * service and day after '#'): one that can be called now, or an unseen ticket known only by
 * its QR (its call waits in the log for the ticket's own event).
 */
export function findTicket(
  book: QueueBook,
  day: string,
  query: string,
): { kind: 'none' } | { kind: 'found'; id: string; businessDay: string } {
  const url = /\/t\/([0-9a-f-]{36})(?:#(.*))?/i.exec(query);
  if (url?.[1] && isUuid(url[1].toLowerCase())) {
    const id = url[1].toLowerCase();
    const known = book.ticket(id);
    const fragment = new URLSearchParams(url[2] ?? '');
    const qrDay = fragment.get('d');
    const businessDay =
      known?.businessDay ?? (qrDay && /^\d{4}-\d{2}-\d{2}$/.test(qrDay) ? qrDay : day);
    return { kind: 'found', id, businessDay };
  }
  const wanted = normalizeNumber(query);
  for (const ticket of ticketsOfDay(book, day)) {
    if (normalizeNumber(ticket.number) !== wanted) continue;
    if (ticket.status === 'waiting' || ticket.status === 'no-show' || ticket.status === 'held') {
      return { kind: 'found', id: ticket.id, businessDay: ticket.businessDay };
    }
  }
  return { kind: 'none' };
}

/** "a 12", "A-012", "A012" → "A12": letters, then the number without leading zeros. */
function normalizeNumber(text: string): string {
  const match = /^([A-Z]{1,3})-?([A-Z]{0,3})(\d+)$/.exec(text.toUpperCase().replace(/\s+/g, ''));
  if (!match) return text.toUpperCase();
  return `${match[1]}${match[2]}${Number(match[3])}`;
}
