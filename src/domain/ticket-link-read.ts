/**
 * Reads the link of a ticket's QR code (./ticket-link.ts) out of scanned or typed text: the
 * counter's side of the contract, in its own module so a kiosk never carries it.
 */
import type { Language } from './config/schema';
import type { LinkedTicket } from './ticket-link';

/** What a scanned link says: its tickets in order (one, or a journey's steps) and the day. */
export type TicketLink = { tickets: LinkedTicket[]; businessDay: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads a ticket link out of scanned or typed text; null when it holds none. */
export function readTicketLink(text: string): TicketLink | null {
  const match = /\/t\/([0-9a-f-]{36})(?:#(.*))?/i.exec(text);
  const id = match?.[1]?.toLowerCase();
  if (!id || !UUID.test(id)) return null;
  const fragment = fieldsOf(match?.[2] ?? '');
  const ids = [id, ...fragment.getAll('t').map((t) => t.toLowerCase())];
  const numbers = fragment.getAll('n');
  const services = fragment.getAll('s');
  const tickets: LinkedTicket[] = [];
  for (const [i, each] of ids.entries()) {
    if (!UUID.test(each)) break;
    tickets.push({ id: each, number: numbers[i] ?? '', serviceId: services[i] ?? '' });
  }
  const day = fragment.get('d');
  return { tickets, businessDay: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null };
}

/** The language a ticket link names (`l=en`), or null when it names none. */
export function readLinkLanguage(text: string): Language | null {
  const hash = text.indexOf('#');
  const language = hash < 0 ? null : fieldsOf(text.slice(hash + 1)).get('l');
  return language === 'en' || language === 'id' ? language : null;
}

/** The `key=value&…` pairs of a fragment, in order (the domain has no URLSearchParams). */
function fieldsOf(fragment: string) {
  const pairs = fragment
    .split('&')
    .map((pair) => pair.split('=', 2))
    .map(([key = '', value = '']) => [key, decoded(value)] as const);
  return {
    getAll: (key: string) => pairs.filter(([k]) => k === key).map(([, v]) => v),
    get: (key: string) => pairs.find(([k]) => k === key)?.[1] ?? null,
  };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
