/**
 * Printing on a kiosk whose profile says ESC/POS (a lobby kiosk's USB printer, a mobile
 * unit's Bluetooth one): the same documents the browser would print, sent through the
 * profile's transport; a print that fails is told on the ticket screen with the way on
 * (the QR code on the screen, try again). Loaded with the idle duties (./idle-duties.ts),
 * at the first idle moment or at the first print before it, and started only on such devices.
 */
import { h, render } from 'preact';
import type { Profile } from '../../domain/config/schema';
import { onPrintProblem, printProblem, setPrintProblem } from '../../printing/print-problem';
import type { PrintDocument } from '../../printing/ticket-layout';
import type { KioskLinks } from '../../ui/kiosk/links';
import type { KioskActor } from '../../ui/kiosk/runtime';
import { screenOf } from '../../ui/kiosk/screen-of';
import { PrintProblemNotice } from '../../ui/kiosk/Ticket/PrintProblemNotice';
import { ticketDocument } from '../../ui/print/documents';
import { missingListDocument, requirementListDocument } from '../../ui/print/ListPapers';
import { setPrinter } from '../print';
import { type PrinterLink, printerLink } from '../printer-link';

/**
 * Prints what the kiosk shows (its ticket, a missing-documents or requirement list) over ESC/POS
 * instead of the browser, and tells a print that did not come out; stop() gives printing
 * back to the browser.
 */
export function escposPrinting(deps: {
  profile: Profile;
  actor: KioskActor;
  links: KioskLinks;
  link?: PrinterLink;
}) {
  const link = deps.link ?? printerLink(deps.profile);
  const print = async (doc: PrintDocument) => {
    const outcome = await link.print(doc);
    setPrintProblem(outcome.ok ? null : { detail: outcome.detail, retry: () => void print(doc) });
  };
  const root = document.createElement('div');
  const show = () => {
    const snapshot = deps.actor.getSnapshot();
    const problem = printProblem();
    const onTicket = screenOf(snapshot) === 'ticket';
    // Bad news first: right under the ticket screen's heading, the number and QR below it.
    if (!root.isConnected) document.querySelector('.ticket > .screen-title')?.after(root);
    render(
      problem && onTicket ? h(PrintProblemNotice, { problem, lang: snapshot.context.lang }) : null,
      root,
    );
  };
  const unwatch = onPrintProblem(show);
  const subscription = deps.actor.subscribe(() => {
    // A new citizen starts with no problem of the one before; a language switch re-words it.
    if (printProblem() && screenOf(deps.actor.getSnapshot()) !== 'ticket') setPrintProblem(null);
    else if (printProblem()) show();
  });
  setPrinter(() => {
    const snapshot = deps.actor.getSnapshot();
    const screen = screenOf(snapshot);
    const doc =
      screen === 'ticket'
        ? ticketDocument(snapshot.context, deps.links)
        : screen === 'detail'
          ? requirementListDocument(snapshot.context, deps.links)
          : missingListDocument(snapshot.context, deps.links);
    if (doc) void print(doc);
  });
  return {
    stop() {
      setPrinter(null);
      unwatch();
      subscription.unsubscribe();
      render(null, root);
      root.remove();
    },
  };
}
