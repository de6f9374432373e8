import type { Language } from '../../domain/config/schema';
import type { LinkedTicket } from '../../domain/ticket-link';

/** URLs the kiosk puts in QR codes; built by the composition root (it knows the base URL). */
export type KioskLinks = {
  /**
   * The citizen's ticket status page (/t/<id>) of the ticket to wait for now — a journey's
   * first step — with what a counter that has never seen it needs after '#' (number,
   * service, business day, a journey's later steps, its language; src/domain/ticket-link.ts).
   */
  ticketUrl(
    ticket: LinkedTicket & {
      businessDay: string;
      journey?: readonly LinkedTicket[];
      language?: Language;
    },
  ): string;
  /** A read-only page listing the service and what the citizen still lacks, in their language. */
  missingListUrl(serviceId: string, missing: string[]): string;
};
