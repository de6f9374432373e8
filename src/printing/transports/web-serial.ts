/**
 * A PrinterTransport over Web Serial: a USB printer's serial port, or a Bluetooth printer's
 * serial profile where the browser offers it (Chrome on Android). A port is chosen once by
 * staff (`pairSerialPrinter`, in a tap: the browser asks); the browser remembers the grant,
 * so later prints find it with `getPorts()` and no one is asked again.
 */
import type { PrinterTransport } from '../printer';

/** What this transport uses of a SerialPort. */
export type SerialPortLike = {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly writable: WritableStream<Uint8Array> | null;
};

/** What this transport uses of `navigator.serial`. */
export type SerialLike = {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(options?: object): Promise<SerialPortLike>;
};

/** The speed most receipt printers ship with on their serial and Bluetooth ports. */
export const DEFAULT_BAUD_RATE = 9600;

/** The browser's Web Serial, or null where it has none. */
export function browserSerial(): SerialLike | null {
  return (globalThis.navigator as { serial?: SerialLike } | undefined)?.serial ?? null;
}

/** Asks staff to choose the printer's port (call it from a tap); the port chosen. */
export function pairSerialPrinter(
  serial: SerialLike | null = browserSerial(),
): Promise<SerialPortLike> {
  if (!serial) return Promise.reject(new Error('Web Serial is not available in this browser'));
  return serial.requestPort();
}

/** Prints on the first port this site was granted; opens it for each print, then closes it. */
export function webSerialTransport(
  serial: SerialLike | null = browserSerial(),
  baudRate = DEFAULT_BAUD_RATE,
): PrinterTransport {
  const port = async () => (serial ? ((await serial.getPorts())[0] ?? null) : null);
  return {
    name: 'Web Serial',
    async connected() {
      return (await port()) !== null;
    },
    async write(bytes) {
      const chosen = await port();
      if (!chosen) throw new Error('no printer port has been paired');
      await chosen.open({ baudRate });
      try {
        const writer = chosen.writable?.getWriter();
        if (!writer) throw new Error('the printer port cannot be written');
        try {
          await writer.write(bytes);
        } finally {
          writer.releaseLock();
        }
      } finally {
        await chosen.close();
      }
    },
  };
}
