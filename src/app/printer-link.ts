/**
 * The printer of a device's profile, for pairing and the test print: ESC/POS over Web
 * Bluetooth, Web Serial or WebUSB (`printer.transport`), or the browser's print dialog (any
 * printer the OS has a driver for). The ESC/POS code loads only when a print is made.
 */
import type { Profile } from '../domain/config/schema';
import { escposPrinter } from '../printing/escpos-printer';
import type { PrinterTransport, PrintOutcome } from '../printing/printer';
import type { PrintDocument } from '../printing/ticket-layout';
import { webBluetoothPrinterLink } from '../printing/transports/web-bluetooth';
import { pairSerialPrinter, webSerialTransport } from '../printing/transports/web-serial';
import { pairUsbPrinter, webUsbTransport } from '../printing/transports/web-usb';

export type PairOutcome = { ok: true } | { ok: false; detail: string };

/** Pairing (ESC/POS only: the browser's print needs none) and printing a document. */
export type PrinterLink = {
  /** How it prints, for the staff and the device's record: "Web Bluetooth", "browser". */
  readonly via: string;
  /** Whether it must be paired in a tap before it can print. */
  readonly pairs: boolean;
  pair(): Promise<PairOutcome>;
  print(doc: PrintDocument): Promise<PrintOutcome>;
};

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The link for `profile`'s printer; `transport` replaces the browser's (tests). */
export function printerLink(profile: Profile, transport?: PrinterTransport): PrinterLink {
  const { kind, paperWidth } = profile.printer;
  if (kind === 'escpos') {
    const chosen = transport ? { pair: async () => {}, transport } : escposTransport(profile);
    const printer = escposPrinter(chosen.transport, paperWidth);
    return {
      via: chosen.transport.name,
      pairs: true,
      async pair() {
        try {
          await chosen.pair();
          return { ok: true };
        } catch (error) {
          return { ok: false, detail: describe(error) };
        }
      },
      print: (doc) => printer.print(doc),
    };
  }
  return {
    via: kind === 'none' ? 'none' : 'browser',
    pairs: false,
    pair: async () => ({ ok: true }),
    print: async (doc) => (kind === 'none' ? { ok: true } : browserPrint(doc, paperWidth)),
  };
}

function escposTransport(profile: Profile): {
  pair(): Promise<unknown>;
  transport: PrinterTransport;
} {
  switch (profile.printer.transport) {
    case 'bluetooth':
      return webBluetoothPrinterLink();
    case 'usb':
      return { pair: () => pairUsbPrinter(), transport: webUsbTransport() };
    default:
      return { pair: () => pairSerialPrinter(), transport: webSerialTransport() };
  }
}

/** Prints `doc` through the browser's dialog (a kiosk started with --kiosk-printing skips it). */
async function browserPrint(doc: PrintDocument, paperWidth: 58 | 80): Promise<PrintOutcome> {
  const area = document.createElement('div');
  area.className = `print-area print-area--${paperWidth} print-test`;
  for (const line of doc.lines) {
    const p = document.createElement('p');
    p.className = `print-line print-line--${line.align ?? 'left'} print-line--${line.size ?? 'normal'}`;
    p.textContent = line.text;
    area.append(p);
  }
  // The kiosk's print styles show only its print area; other surfaces print the page's.
  (document.querySelector('.kiosk') ?? document.body).append(area);
  try {
    window.print();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: describe(error) };
  } finally {
    area.remove();
  }
}
