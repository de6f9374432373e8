/** The Web Serial transport on a fake port: opened for a print, written, closed; failures told. */
import { describe, expect, it } from 'vitest';
import { escposPrinter } from '../../../src/printing/escpos-printer';
import {
  pairSerialPrinter,
  type SerialLike,
  type SerialPortLike,
  webSerialTransport,
} from '../../../src/printing/transports/web-serial';
import { decodeEscPos } from '../../fixtures/escpos-decode';

/** A serial port that keeps what it was sent; `failWrite` plays a printer out of paper. */
class FakePort implements SerialPortLike {
  readonly received: number[] = [];
  readonly calls: string[] = [];
  failWrite = false;
  private open_ = false;
  writable: WritableStream<Uint8Array> | null = null;

  async open(options: { baudRate: number }) {
    if (this.open_) throw new DOMException('already open', 'InvalidStateError');
    this.calls.push(`open ${options.baudRate}`);
    this.open_ = true;
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        if (this.failWrite) throw new DOMException('paper end', 'NetworkError');
        this.received.push(...chunk);
      },
    });
  }

  async close() {
    this.calls.push('close');
    this.open_ = false;
    this.writable = null;
  }
}

const serialWith = (ports: FakePort[]): SerialLike & { asked: number } => ({
  asked: 0,
  async getPorts() {
    return ports;
  },
  async requestPort() {
    this.asked += 1;
    const port = new FakePort();
    ports.push(port);
    return port;
  },
});

const DOC = { lines: [{ text: 'A-012', size: 'huge' as const }], qr: 'https://antrean.test/t/x' };

describe('webSerialTransport', () => {
  it('is not connected before a port is paired, and prints once one is', async () => {
    const ports: FakePort[] = [];
    const serial = serialWith(ports);
    const printer = escposPrinter(webSerialTransport(serial), 58);

    const before = await printer.print(DOC);
    await pairSerialPrinter(serial);
    const after = await printer.print(DOC);

    expect(before).toEqual({
      ok: false,
      reason: 'not-connected',
      detail: 'Web Serial: not connected',
    });
    expect(after).toEqual({ ok: true });
    expect(serial.asked).toBe(1);
    expect(ports[0]?.calls).toEqual(['open 9600', 'close']);
    const commands = decodeEscPos(Uint8Array.from(ports[0]?.received ?? []));
    expect(commands[0]).toBe('ESC @ initialize');
    expect(commands).toContain('QR store "https://antrean.test/t/x"');
  });

  it('closes the port when the printer refuses the bytes, and says the print failed', async () => {
    const port = new FakePort();
    port.failWrite = true;
    const printer = escposPrinter(webSerialTransport(serialWith([port]), 115_200), 80);

    const outcome = await printer.print(DOC);
    port.failWrite = false;
    const again = await printer.print(DOC);

    expect(outcome).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'Web Serial: NetworkError: paper end',
    });
    expect(again).toEqual({ ok: true });
    expect(port.calls).toEqual(['open 115200', 'close', 'open 115200', 'close']);
  });

  it('refuses to pair where the browser has no Web Serial', async () => {
    await expect(pairSerialPrinter(null)).rejects.toThrow(/not available/);
    expect(await webSerialTransport(null).connected()).toBe(false);
  });

  it('prints a reprint asked for during a print after it, on a port opened once at a time', async () => {
    const port = new FakePort();
    const printer = escposPrinter(webSerialTransport(serialWith([port])), 58);

    const outcomes = await Promise.all([printer.print(DOC), printer.print(DOC)]);

    expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
    expect(port.calls).toEqual(['open 9600', 'close', 'open 9600', 'close']);
  });
});
