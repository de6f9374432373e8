/**
 * A Printer that speaks ESC/POS over a PrinterTransport, one print at a time (a port or a
 * device is opened for each print). The encoder (./escpos.ts) loads on the first print
 * only, so devices that print through the browser never fetch it.
 */
import type { Printer, PrinterTransport, PrintOutcome } from './printer';
import type { PrintDocument } from './ticket-layout';

/** Why an error happened, in one line. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** An ESC/POS printer on `transport`, for paper `paperWidth` mm wide. */
export function escposPrinter(transport: PrinterTransport, paperWidth: 58 | 80): Printer {
  const printOne = async (doc: PrintDocument): Promise<PrintOutcome> => {
    const connected = await transport.connected().catch(() => false);
    if (!connected) {
      return { ok: false, reason: 'not-connected', detail: `${transport.name}: not connected` };
    }
    try {
      const { encodeEscPos } = await import('./escpos');
      await transport.write(encodeEscPos(doc, paperWidth));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'failed', detail: `${transport.name}: ${describe(error)}` };
    }
  };
  // A print asked for while one runs (a reprint tapped at once) waits for it.
  let last: Promise<unknown> = Promise.resolve();
  return {
    print(doc) {
      const outcome = last.then(() => printOne(doc));
      last = outcome;
      return outcome;
    },
  };
}
