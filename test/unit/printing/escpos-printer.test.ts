/** The ESC/POS printer: a whole ticket on the fake transport, and printers that fail. */
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS } from '../../../src/domain/requirements';
import { encodeEscPos } from '../../../src/printing/escpos';
import { escposPrinter } from '../../../src/printing/escpos-printer';
import { ticketLayout } from '../../../src/printing/ticket-layout';
import { decodeEscPos } from '../../fixtures/escpos-decode';
import { kioskBundle } from '../../fixtures/kiosk';
import { FakePrinterTransport } from '../../fixtures/printer-transport';
import { SAMPLE_TICKET } from '../../fixtures/tickets';

const URL = 'https://antrean.test/t/0190f5e0-0000-7000-8000-000000000001';
const ticket = () =>
  ticketLayout({
    config: kioskBundle(),
    ticket: SAMPLE_TICKET,
    lang: 'id',
    answers: EMPTY_ANSWERS,
    url: URL,
  });

describe('escposPrinter', () => {
  it('prints a whole ticket: every line within the paper, the number large, the QR code, a cut', async () => {
    const transport = new FakePrinterTransport();
    const outcome = await escposPrinter(transport, 58).print(ticket());

    expect(outcome).toEqual({ ok: true });
    expect(transport.written).toHaveLength(1);
    const commands = decodeEscPos(transport.written[0] ?? new Uint8Array());
    expect(commands[0]).toBe('ESC @ initialize');
    expect(commands).toContain('text "A-012"');
    expect(commands[commands.indexOf('text "A-012"') - 1]).toBe('GS ! size 3x3');
    expect(commands).toContain(`QR store "${URL}"`);
    expect(commands.indexOf('QR print')).toBe(commands.indexOf(`QR store "${URL}"`) + 1);
    expect(commands.at(-2)).toBe('GS V 1 cut partial');
    // Font A holds 32 characters on 58 mm; a wider text would wrap on the printer, not here.
    const texts = commands.filter((c) => c.startsWith('text "')).map((c) => c.slice(6, -1));
    expect(texts.length).toBeGreaterThan(8);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(32);
  });

  it('says a printer that is off is not connected, and sends nothing', async () => {
    const transport = new FakePrinterTransport();
    transport.on = false;
    const outcome = await escposPrinter(transport, 58).print(ticket());

    expect(outcome).toEqual({ ok: false, reason: 'not-connected', detail: 'fake: not connected' });
    expect(transport.written).toEqual([]);
  });

  it('says a print failed when the printer refuses the bytes (out of paper), without throwing', async () => {
    const transport = new FakePrinterTransport();
    transport.refuse = new DOMException('paper end', 'NetworkError');
    const outcome = await escposPrinter(transport, 80).print(ticket());

    expect(outcome).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'fake: NetworkError: paper end',
    });
  });

  it('sends exactly what the encoder makes for its paper', async () => {
    const transport = new FakePrinterTransport();
    await escposPrinter(transport, 80).print(ticket());
    expect(transport.written).toEqual([encodeEscPos(ticket(), 80)]);
  });
});
