/** Browser printing: the UI keeps the print layout rendered; this asks the browser to print it. */

/** Prints what the print area shows now, after the next paint. With Chrome's
 * `--kiosk-printing` flag this prints silently on the default printer. */
export function printCurrentDocument(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
}
