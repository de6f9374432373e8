/**
 * A Printer that speaks ESC/POS over a PrinterTransport. The encoder (./escpos.ts) loads
 * on the first print only, so devices that print through the browser never fetch it.
 */
import type { Printer, PrinterTransport } from './printer';

/** Why an error happened, in one line. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** An ESC/POS printer on `transport`, for paper `paperWidth` mm wide. */
export function escposPrinter(transport: PrinterTransport, paperWidth: 58 | 80): Printer {
  return {
    async print(doc) {
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
    },
  };
}
