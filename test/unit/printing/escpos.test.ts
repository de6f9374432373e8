/**
 * ESC/POS: the bytes of a ticket read back command by command (../../fixtures/escpos-decode.ts)
 * and compared with lists written here by hand from Epson's ESC/POS reference.
 */
import { describe, expect, it } from 'vitest';
import { encodeEscPos, plainText } from '../../../src/printing/escpos';
import type { PrintDocument } from '../../../src/printing/ticket-layout';
import { decodeEscPos } from '../../fixtures/escpos-decode';

const URL = 'https://antrean.test/t/0190f5e0-0000-7000-8000-000000000001';

/** The spaces the encoder puts before a centred text of `length` characters `width` wide. */
const pad = (columns: number, length: number, width = 1) =>
  ' '.repeat(Math.floor((columns - length * width) / 2));

const TICKET: PrintDocument = {
  lines: [
    { text: 'MPP Kota Contoh', align: 'center', bold: true },
    { text: 'A-012', align: 'center', size: 'huge', bold: true },
    { text: 'Antrean di depan Anda: 3', align: 'center' },
    { text: 'Dukcapil – Zona A', size: 'large' },
  ],
  qr: URL,
};

describe('ESC/POS encoding of a ticket', () => {
  it('on 58 mm paper: init, the lines in their sizes, the QR code stored and printed, a cut', () => {
    expect(decodeEscPos(encodeEscPos(TICKET, 58))).toEqual([
      'ESC @ initialize', // clears every mode the last job left
      'FS . Kanji mode off', // single-byte characters
      'ESC M 0 font A', // 12×24 dots: 32 characters on 58 mm
      // "MPP Kota Contoh", centred by spaces, bold; code page 437 chosen before the first letter
      `text "${pad(32, 15)}"`,
      'ESC E 1 bold on',
      'ESC t 0 code page', // 0 = PC437
      'text "MPP Kota Contoh"',
      'ESC E 0 bold off',
      'LF',
      // The number, three times wide and tall, bold
      `text "${pad(32, 5, 3)}"`,
      'ESC E 1 bold on',
      'GS ! size 3x3',
      'text "A-012"',
      'GS ! size 1x1',
      'ESC E 0 bold off',
      'LF',
      `text "${pad(32, 24)}Antrean di depan Anda: 3"`,
      'LF',
      // Twice as tall, left; the en dash spelled "-" (PC437 has none)
      'GS ! size 1x2',
      'text "Dukcapil - Zona A"',
      'GS ! size 1x1',
      'LF',
      // The QR code, centred by the printer: model 2, 5-dot modules, level M, the status URL
      'ESC a 1 align center',
      'QR model 2',
      'QR module size 5 dots',
      'QR error correction M',
      `QR store "${URL}"`,
      'QR print',
      'LF',
      'ESC a 0 align left',
      // Four lines clear the cutter, then a partial cut
      'LF',
      'LF',
      'LF',
      'LF',
      'GS V 1 cut partial',
      'LF',
    ]);
  });

  it('on 80 mm paper: 48 characters a line and a larger QR code', () => {
    const commands = decodeEscPos(encodeEscPos(TICKET, 80));
    expect(commands.slice(3, 4)).toEqual([`text "${pad(48, 15)}"`]);
    expect(commands).toContain('QR module size 6 dots');
    expect(commands).toContain(`QR store "${URL}"`);
  });

  it('gives the same bytes for the same document', () => {
    expect(encodeEscPos(TICKET, 58)).toEqual(encodeEscPos(TICKET, 58));
  });

  it('spells typography the printer cannot print in plain ASCII', () => {
    expect(plainText('Zona A – lantai 1 — “KK” … ‘ya’')).toBe(
      'Zona A - lantai 1 - "KK" ... \'ya\'',
    );
  });
});
