/**
 * The paper version of the current screen (ticket; a list to take home: ./ListPapers.tsx,
 * with the rarer screens), hidden on screen
 * and the only thing visible when printing (print.css). Its @page rule follows the
 * profile's paper width. Hidden from assistive technology: the screen says the same.
 */
import { useMemo } from 'preact/hooks';
import { hasStrings } from '../../domain/i18n/strings';
import { availabilityOf } from '../../machines/kiosk.selectors';
import type { PrintDocument } from '../../printing/ticket-layout';
import { QrCode } from '../components/QrCode/QrCode';
import { ListPaper } from '../kiosk/lazy-screens';
import { useKiosk, useLinks } from '../kiosk/runtime';
import type { ScreenName } from '../kiosk/screen-of';
import { ticketDocument } from './documents';

/** The print area of the kiosk. */
export function PrintArea(props: { screen: ScreenName }) {
  const ctx = useKiosk((s) => s.context);
  const links = useLinks();
  // Worded again once a language's table has loaded (English comes after a switch).
  const worded = hasStrings(ctx.lang);
  const doc = useMemo(
    () => (props.screen === 'ticket' ? ticketDocument(ctx, links) : null),
    [props.screen, ctx, links, worded],
  );
  const width = ctx.profile.printer.paperWidth;
  // Printed only from the page of a service that cannot take a number now.
  const list =
    props.screen === 'detail' &&
    ctx.serviceId !== null &&
    availabilityOf(ctx, ctx.serviceId).state !== 'open';
  return (
    <div class={`print-area print-area--${width}`} aria-hidden="true">
      <style>{`@page { size: ${width}mm auto; margin: 0 }`}</style>
      {doc && <PrintedDocument doc={doc} />}
      {props.screen === 'missing' && <ListPaper list="missing" />}
      {list && <ListPaper list="requirements" />}
    </div>
  );
}

/** A PrintDocument as HTML lines and a QR code. */
export function PrintedDocument({ doc }: { doc: PrintDocument }) {
  return (
    <>
      {doc.lines.map((line, i) => (
        <p
          key={i}
          class={`print-line print-line--${line.size ?? 'normal'} print-line--${line.align ?? 'left'}${line.bold ? ' print-line--bold' : ''}`}
        >
          {line.text}
        </p>
      ))}
      {doc.qr && <QrCode text={doc.qr} class="print-qr" />}
    </>
  );
}
