/**
 * The link in a ticket's QR code: the phone page of the ticket to wait for now (/t/<id>),
 * and after '#' what a counter that has never seen the ticket needs — its number, service
 * and business day, and for a journey each later step's id, number and service, so the
 * counter of step 2 finds step 2's ticket in the same code. A phone ignores the fragment.
 */

/** One ticket as the link names it. */
export type LinkedTicket = { id: string; number: string; serviceId: string };

/** What a scanned link says: its tickets in order (one, or a journey's steps) and the day. */
export type TicketLink = { tickets: LinkedTicket[]; businessDay: string | null };

/** The path and fragment of the link to `first`, with a journey's later steps after it. */
export function ticketLinkPath(
  first: LinkedTicket & { businessDay: string },
  later: readonly LinkedTicket[] = [],
): string {
  const steps = later.map((t) => `&t=${t.id}&n=${t.number}&s=${t.serviceId}`).join('');
  return `/t/${first.id}#n=${first.number}&s=${first.serviceId}&d=${first.businessDay}${steps}`;
}

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
