/**
 * A PrinterTransport over Web Bluetooth, for the small BLE thermal printers mobile teams
 * carry: one GATT characteristic takes the ESC/POS bytes, written in chunks a BLE link can
 * carry. Staff pair the printer once in a tap (`pairBluetoothPrinter`); the page keeps it,
 * and a later page finds it again with `getDevices()` where the browser offers that.
 */
import type { PrinterTransport } from '../printer';

/** The service and characteristic most BLE receipt printers expose for print data. */
export const PRINTER_SERVICE = '000018f0-0000-1000-8000-00805f9b34fb';
export const PRINTER_CHARACTERISTIC = '00002af1-0000-1000-8000-00805f9b34fb';

/** Bytes per write: under the 182-byte payload of a common BLE link, safe on older ones. */
export const DEFAULT_CHUNK_BYTES = 100;

/** What this transport uses of a Web Bluetooth characteristic, server and device. */
export type CharacteristicLike = {
  readonly properties: { writeWithoutResponse: boolean };
  writeValueWithoutResponse(value: Uint8Array): Promise<void>;
  writeValueWithResponse(value: Uint8Array): Promise<void>;
};
export type BluetoothDeviceLike = {
  readonly gatt?: {
    readonly connected: boolean;
    connect(): Promise<{
      getPrimaryService(uuid: string): Promise<{
        getCharacteristic(uuid: string): Promise<CharacteristicLike>;
      }>;
    }>;
  };
};
export type BluetoothLike = {
  requestDevice(options: object): Promise<BluetoothDeviceLike>;
  getDevices?(): Promise<BluetoothDeviceLike[]>;
};

/** The browser's Web Bluetooth, or null where it has none. */
export function browserBluetooth(): BluetoothLike | null {
  return (globalThis.navigator as { bluetooth?: BluetoothLike } | undefined)?.bluetooth ?? null;
}

/** A printer on Web Bluetooth: `pair()` in a tap, then print through `transport`. */
export function webBluetoothPrinterLink(
  bluetooth: BluetoothLike | null = browserBluetooth(),
  chunkBytes = DEFAULT_CHUNK_BYTES,
): { pair(): Promise<void>; transport: PrinterTransport } {
  let paired: BluetoothDeviceLike | null = null;
  const device = async () =>
    paired ?? (await bluetooth?.getDevices?.().catch(() => []))?.[0] ?? null;
  return {
    async pair() {
      if (!bluetooth) throw new Error('Web Bluetooth is not available in this browser');
      paired = await bluetooth.requestDevice({ filters: [{ services: [PRINTER_SERVICE] }] });
    },
    transport: {
      name: 'Web Bluetooth',
      async connected() {
        return (await device())?.gatt !== undefined;
      },
      async write(bytes) {
        const gatt = (await device())?.gatt;
        if (!gatt) throw new Error('no printer has been paired');
        const server = await gatt.connect();
        const service = await server.getPrimaryService(PRINTER_SERVICE);
        const characteristic = await service.getCharacteristic(PRINTER_CHARACTERISTIC);
        const quick = characteristic.properties.writeWithoutResponse;
        for (let at = 0; at < bytes.length; at += chunkBytes) {
          const chunk = bytes.slice(at, at + chunkBytes);
          if (quick) await characteristic.writeValueWithoutResponse(chunk);
          else await characteristic.writeValueWithResponse(chunk);
        }
      },
    },
  };
}
