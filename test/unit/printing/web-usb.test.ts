/** The WebUSB transport on a fake USB printer: its printer interface found, claimed, written. */
import { describe, expect, it } from 'vitest';
import { escposPrinter } from '../../../src/printing/escpos-printer';
import {
  pairUsbPrinter,
  type UsbConfigurationLike,
  type UsbDeviceLike,
  type UsbLike,
  webUsbTransport,
} from '../../../src/printing/transports/web-usb';
import { decodeEscPos } from '../../fixtures/escpos-decode';

/** A USB printer: a vendor interface 0, the printer class on interface 1 (bulk OUT 3). */
class FakeUsbPrinter implements UsbDeviceLike {
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly calls: string[] = [];
  readonly received: number[] = [];
  status = 'ok';

  async open() {
    this.calls.push('open');
    this.opened = true;
  }
  async close() {
    this.calls.push('close');
    this.opened = false;
  }
  async selectConfiguration(value: number) {
    this.calls.push(`configuration ${value}`);
    this.configuration = {
      interfaces: [
        { interfaceNumber: 0, alternate: { interfaceClass: 255, endpoints: [] } },
        {
          interfaceNumber: 1,
          alternate: {
            interfaceClass: 7,
            endpoints: [
              { direction: 'in', type: 'bulk', endpointNumber: 2 },
              { direction: 'out', type: 'bulk', endpointNumber: 3 },
            ],
          },
        },
      ],
    };
  }
  async claimInterface(n: number) {
    this.calls.push(`claim ${n}`);
  }
  async releaseInterface(n: number) {
    this.calls.push(`release ${n}`);
  }
  async transferOut(endpoint: number, data: Uint8Array) {
    this.calls.push(`out ${endpoint}`);
    if (this.status === 'ok') this.received.push(...data);
    return { status: this.status };
  }
}

const usbWith = (devices: UsbDeviceLike[]): UsbLike & { asked: unknown[] } => ({
  asked: [],
  async getDevices() {
    return devices;
  },
  async requestDevice(options: object) {
    this.asked.push(options);
    const printer = new FakeUsbPrinter();
    devices.push(printer);
    return printer;
  },
});

const DOC = { lines: [{ text: 'A-012', size: 'huge' as const }], qr: 'https://antrean.test/t/x' };

describe('webUsbTransport', () => {
  it('asks for a printer-class device, then writes the ticket to its printer interface', async () => {
    const devices: UsbDeviceLike[] = [];
    const usb = usbWith(devices);
    const printer = escposPrinter(webUsbTransport(usb), 80);

    const before = await printer.print(DOC);
    const device = (await pairUsbPrinter(usb)) as FakeUsbPrinter;
    const outcome = await printer.print(DOC);

    expect(before).toMatchObject({ ok: false, reason: 'not-connected' });
    expect(outcome).toEqual({ ok: true });
    expect(usb.asked).toEqual([{ filters: [{ classCode: 7 }] }]);
    expect(device.calls).toEqual([
      'open',
      'configuration 1',
      'claim 1',
      'out 3',
      'release 1',
      'close',
    ]);
    const commands = decodeEscPos(Uint8Array.from(device.received));
    expect(commands[0]).toBe('ESC @ initialize');
    expect(commands).toContain('QR store "https://antrean.test/t/x"');
  });

  it('says the print failed when the printer stalls, and releases and closes it', async () => {
    const device = new FakeUsbPrinter();
    device.status = 'stall';
    const outcome = await escposPrinter(webUsbTransport(usbWith([device])), 58).print(DOC);

    expect(outcome).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'WebUSB: Error: the printer answered stall',
    });
    expect(device.calls.slice(-2)).toEqual(['release 1', 'close']);
    expect(device.opened).toBe(false);
  });

  it('refuses to pair where the browser has no WebUSB', async () => {
    await expect(pairUsbPrinter(null)).rejects.toThrow(/not available/);
    expect(await webUsbTransport(null).connected()).toBe(false);
  });
});
