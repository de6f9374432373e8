/** Browser printing: the UI keeps the print layout rendered; this asks the browser to print it. */

import { qrCodesDrawn } from '../ui/components/QrCode/QrCode';

/** How long printing waits at most for a QR code to be drawn (a screen left at once). */
const QR_WAIT_MS = 1_000;

let printer: (() => void) | null = null;
let held = false;

/**
 * Prints through `print` instead of the browser (an ESC/POS printer: ./kiosk/escpos-print.ts),
 * first the print held for it, if any.
 */
export function setPrinter(print: (() => void) | null): void {
  printer = print;
  if (print && held) print();
  held = false;
}

/**
 * A device whose printer is not ready yet: a print waits for it (`setPrinter`), and the
 * first one calls `start` to make it ready.
 */
export function holdPrints(start: () => void): void {
  printer = () => {
    held = true;
    start();
  };
}

/** Prints what the print area shows, after the next paint and once its QR code is drawn.
 * With Chrome's `--kiosk-printing` flag this prints silently on the default printer. */
export function printCurrentDocument(): void {
  if (printer) {
    printer();
    return;
  }
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const capped = new Promise<void>((resolve) => setTimeout(resolve, QR_WAIT_MS));
      void Promise.race([qrCodesDrawn(), capped]).then(() =>
        requestAnimationFrame(() => window.print()),
      );
    }),
  );
}
