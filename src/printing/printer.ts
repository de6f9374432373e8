/**
 * Printing as one part: a `Printer` prints a PrintDocument and says how it went, never
 * throwing. Adapters: the browser's print (./browser-printer.ts in the app) and ESC/POS
 * over a `PrinterTransport` (./escpos-printer.ts). A ticket exists once its event is
 * durable; a print that fails is told to the citizen with a way on, never a lost ticket.
 */
import type { PrintDocument } from './ticket-layout';

/** How a print went; `reason` says what the staff or the citizen can do about it. */
export type PrintOutcome =
  | { ok: true }
  | {
      ok: false;
      /** not-connected: paired printer off or out of range; failed: it refused the bytes. */
      reason: 'not-connected' | 'failed';
      /** One line for the device's diagnostics (no personal data: a ticket has none). */
      detail: string;
    };

export interface Printer {
  print(doc: PrintDocument): Promise<PrintOutcome>;
}

/** Bytes to a printer: Web Bluetooth, Web Serial, WebUSB, or a fake in tests. */
export interface PrinterTransport {
  /** For diagnostics: "Web Serial", "Web Bluetooth"… */
  readonly name: string;
  /** Whether the printer is paired and reachable now (a write may still fail). */
  connected(): Promise<boolean>;
  /** Sends the bytes; rejects when the printer cannot take them. */
  write(bytes: Uint8Array): Promise<void>;
}
