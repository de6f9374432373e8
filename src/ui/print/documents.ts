/**
 * The document to print for the kiosk's current state, built from the machine's context.
 * The composition root's printTicket / printMissingList actions can use these too, so
 * the paper always matches what PrintArea shows.
 */
import { checkRequirements } from '../../domain/requirements';
import { currentService } from '../../machines/kiosk.selectors';
import type { KioskContext } from '../../machines/kiosk.types';
import { missingListLayout, type PrintDocument, ticketLayout } from '../../printing/ticket-layout';
import type { KioskLinks } from '../kiosk/links';

/** The ticket document, or null when no ticket has been issued. */
export function ticketDocument(ctx: KioskContext, links: KioskLinks): PrintDocument | null {
  if (!ctx.ticket) return null;
  return ticketLayout({
    config: ctx.config,
    ticket: ctx.ticket,
    lang: ctx.lang,
    answers: ctx.answers,
    url: links.ticketUrl(ctx.ticket),
    personal: ctx.personal,
  });
}

/** The ids of the mandatory requirements the citizen lacks. */
export function missingIds(ctx: KioskContext): string[] {
  const service = currentService(ctx);
  return service ? checkRequirements(service, ctx.answers).missingMandatory.map((r) => r.id) : [];
}

/** The missing-list document, or null when no service is chosen. */
export function missingListDocument(ctx: KioskContext, links: KioskLinks): PrintDocument | null {
  if (!ctx.serviceId) return null;
  const missing = missingIds(ctx);
  return missingListLayout({
    config: ctx.config,
    serviceId: ctx.serviceId,
    missing,
    lang: ctx.lang,
    url: links.missingListUrl(ctx.serviceId, missing),
  });
}
