/**
 * A PrinterTransport over WebUSB, for a lobby kiosk's USB receipt printer: the printer-class
 * interface's bulk OUT endpoint takes the ESC/POS bytes. On Linux the kernel's usblp driver
 * claims such a printer first; the README's udev rule leaves it to the browser. Staff pair
 * it once in a tap (`pairUsbPrinter`); the browser remembers the grant (`getDevices()`).
 */
import type { PrinterTransport } from '../printer';

/** USB class code of printers. */
export const PRINTER_CLASS = 7;

/** What this transport uses of a USBDevice. */
export type UsbDeviceLike = {
  readonly opened: boolean;
  readonly configuration: UsbConfigurationLike | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpointNumber: number, data: Uint8Array): Promise<{ status: string }>;
};
export type UsbConfigurationLike = {
  readonly interfaces: readonly {
    readonly interfaceNumber: number;
    readonly alternate: {
      readonly interfaceClass: number;
      readonly endpoints: readonly {
        readonly direction: string;
        readonly type: string;
        readonly endpointNumber: number;
      }[];
    };
  }[];
};
export type UsbLike = {
  getDevices(): Promise<UsbDeviceLike[]>;
  requestDevice(options: object): Promise<UsbDeviceLike>;
};

/** The browser's WebUSB, or null where it has none. */
export function browserUsb(): UsbLike | null {
  return (globalThis.navigator as { usb?: UsbLike } | undefined)?.usb ?? null;
}

/** Asks staff to choose the printer (call it from a tap); the device chosen. */
export function pairUsbPrinter(usb: UsbLike | null = browserUsb()): Promise<UsbDeviceLike> {
  if (!usb) return Promise.reject(new Error('WebUSB is not available in this browser'));
  return usb.requestDevice({ filters: [{ classCode: PRINTER_CLASS }] });
}

/** The printer interface and its bulk OUT endpoint in the device's configuration. */
function printerEndpoint(config: UsbConfigurationLike | null) {
  for (const candidate of config?.interfaces ?? []) {
    if (candidate.alternate.interfaceClass !== PRINTER_CLASS) continue;
    const out = candidate.alternate.endpoints.find(
      (e) => e.direction === 'out' && e.type === 'bulk',
    );
    if (out) return { interfaceNumber: candidate.interfaceNumber, endpoint: out.endpointNumber };
  }
  return null;
}

/** Prints on the first USB printer this site was granted; opens it for each print. */
export function webUsbTransport(usb: UsbLike | null = browserUsb()): PrinterTransport {
  const device = async () => (usb ? ((await usb.getDevices())[0] ?? null) : null);
  return {
    name: 'WebUSB',
    async connected() {
      return (await device()) !== null;
    },
    async write(bytes) {
      const printer = await device();
      if (!printer) throw new Error('no USB printer has been paired');
      if (!printer.opened) await printer.open();
      try {
        if (printer.configuration === null) await printer.selectConfiguration(1);
        const found = printerEndpoint(printer.configuration);
        if (!found) throw new Error('the USB device has no printer interface');
        await printer.claimInterface(found.interfaceNumber);
        try {
          const result = await printer.transferOut(found.endpoint, bytes);
          if (result.status !== 'ok') throw new Error(`the printer answered ${result.status}`);
        } finally {
          await printer.releaseInterface(found.interfaceNumber);
        }
      } finally {
        await printer.close();
      }
    },
  };
}
