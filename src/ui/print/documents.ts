/**
 * The ticket to print, built from the machine's context: the print area and the ESC/POS
 * printing use it alike, so the paper always matches the screen. The lists to take home
 * are the rarer screens' (./ListPapers.tsx).
 */
import type { KioskContext } from '../../machines/kiosk.types';
import { type PrintDocument, ticketLayout } from '../../printing/ticket-layout';
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
