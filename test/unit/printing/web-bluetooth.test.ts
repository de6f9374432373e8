/** The Web Bluetooth transport on a fake BLE printer: paired once, bytes sent in chunks. */
import { describe, expect, it } from 'vitest';
import { escposPrinter } from '../../../src/printing/escpos-printer';
import {
  type BluetoothDeviceLike,
  type BluetoothLike,
  PRINTER_CHARACTERISTIC,
  PRINTER_SERVICE,
  webBluetoothPrinterLink,
} from '../../../src/printing/transports/web-bluetooth';
import { decodeEscPos } from '../../fixtures/escpos-decode';

/** A BLE printer: keeps every chunk it is written; `outOfRange` makes connecting fail. */
function fakePrinter(writeWithoutResponse = true) {
  const chunks: { size: number; quick: boolean }[] = [];
  const received: number[] = [];
  const asked: string[] = [];
  const state = { outOfRange: false };
  const take = (quick: boolean) => async (value: Uint8Array) => {
    chunks.push({ size: value.length, quick });
    received.push(...value);
  };
  const device: BluetoothDeviceLike = {
    gatt: {
      connected: false,
      async connect() {
        if (state.outOfRange) throw new DOMException('out of range', 'NetworkError');
        return {
          async getPrimaryService(uuid: string) {
            asked.push(uuid);
            return {
              async getCharacteristic(id: string) {
                asked.push(id);
                return {
                  properties: { writeWithoutResponse },
                  writeValueWithoutResponse: take(true),
                  writeValueWithResponse: take(false),
                };
              },
            };
          },
        };
      },
    },
  };
  return { device, chunks, received, asked, state };
}

const bluetoothWith = (device: BluetoothDeviceLike): BluetoothLike & { filters: unknown[] } => ({
  filters: [],
  async requestDevice(options: object) {
    this.filters.push(options);
    return device;
  },
});

const DOC = { lines: [{ text: 'A-012', size: 'huge' as const }], qr: 'https://antrean.test/t/x' };

describe('webBluetoothPrinterLink', () => {
  it('asks for a printer by its print service, then sends the ticket in chunks of 100 bytes', async () => {
    const printer = fakePrinter();
    const bluetooth = bluetoothWith(printer.device);
    const link = webBluetoothPrinterLink(bluetooth);

    const before = await escposPrinter(link.transport, 58).print(DOC);
    await link.pair();
    const outcome = await escposPrinter(link.transport, 58).print(DOC);

    expect(before).toMatchObject({ ok: false, reason: 'not-connected' });
    expect(outcome).toEqual({ ok: true });
    expect(bluetooth.filters).toEqual([{ filters: [{ services: [PRINTER_SERVICE] }] }]);
    expect(printer.asked).toEqual([PRINTER_SERVICE, PRINTER_CHARACTERISTIC]);
    expect(printer.chunks.length).toBeGreaterThan(1);
    expect(printer.chunks.every((c) => c.size <= 100 && c.quick)).toBe(true);
    const commands = decodeEscPos(Uint8Array.from(printer.received));
    expect(commands[0]).toBe('ESC @ initialize');
    expect(commands).toContain('QR store "https://antrean.test/t/x"');
    expect(commands.at(-2)).toBe('GS V 1 cut partial');
  });

  it('writes with response where the printer offers nothing else', async () => {
    const printer = fakePrinter(false);
    const link = webBluetoothPrinterLink(bluetoothWith(printer.device), 64);
    await link.pair();

    expect(await escposPrinter(link.transport, 80).print(DOC)).toEqual({ ok: true });
    expect(printer.chunks.every((c) => c.size <= 64 && !c.quick)).toBe(true);
  });

  it('says the print failed when the printer is out of range, and prints once it is back', async () => {
    const printer = fakePrinter();
    const link = webBluetoothPrinterLink(bluetoothWith(printer.device));
    await link.pair();
    printer.state.outOfRange = true;

    const away = await escposPrinter(link.transport, 58).print(DOC);
    printer.state.outOfRange = false;
    const back = await escposPrinter(link.transport, 58).print(DOC);

    expect(away).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'Web Bluetooth: NetworkError: out of range',
    });
    expect(back).toEqual({ ok: true });
  });

  it('refuses to pair where the browser has no Web Bluetooth', async () => {
    const link = webBluetoothPrinterLink(null);
    await expect(link.pair()).rejects.toThrow(/not available/);
    expect(await link.transport.connected()).toBe(false);
  });
});
