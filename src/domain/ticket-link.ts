/**
 * The link in a ticket's QR code: the phone page of the ticket to wait for now (/t/<id>),
 * and after '#' what a counter that has never seen the ticket needs — its number, service
 * and business day, and for a journey each later step's id, number and service, so the
 * counter of step 2 finds step 2's ticket in the same code — then `l=en` for a ticket
 * taken in English (the phone page's language before the server answers; Indonesian when
 * absent). ./ticket-link-read.ts reads it back (apart, so a kiosk never carries the reader).
 * Also the link of a missing-documents list (/s/<service>).
 */
import type { Language } from './config/schema';

/** One ticket as the link names it. */
export type LinkedTicket = { id: string; number: string; serviceId: string };

/** The path and fragment of the link to `first`, with a journey's later steps after it. */
export function ticketLinkPath(
  first: LinkedTicket & { businessDay: string },
  later: readonly LinkedTicket[] = [],
  language: Language = 'id',
): string {
  const steps = later.map((t) => `&t=${t.id}&n=${t.number}&s=${t.serviceId}`).join('');
  const lang = language === 'en' ? '&l=en' : '';
  return `/t/${first.id}#n=${first.number}&s=${first.serviceId}&d=${first.businessDay}${steps}${lang}`;
}

/**
 * The path of the read-only list of what a citizen still lacks for a service (/s/<id>),
 * with `l=en` when they read English (the page's language; Indonesian without it).
 */
export function missingListPath(
  serviceId: string,
  missing: readonly string[],
  language: Language = 'id',
): string {
  const lang = language === 'en' ? '&l=en' : '';
  return `/s/${serviceId}?kurang=${missing.map(encodeURIComponent).join(',')}${lang}`;
}
