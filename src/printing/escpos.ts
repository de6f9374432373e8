/**
 * A PrintDocument as ESC/POS commands, through @point-of-sale/receipt-printer-encoder
 * (≈ 28 KB gzip: only ./escpos-printer.ts loads this module, lazily, on devices whose
 * profile prints ESC/POS). The QR code is printed by the printer itself (GS ( k).
 * Must: pure; the same document gives the same bytes; text is code page 437.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrintDocument, PrintLine } from './ticket-layout';

/** Characters per line in font A: 58 mm paper holds 32, 80 mm holds 48. */
export const COLUMNS = { 58: 32, 80: 48 } as const;

/** QR module size in dots: about 2.5 cm wide for a status URL on either paper. */
const QR_MODULE = { 58: 5, 80: 6 } as const;

/** Lines fed before the cut, so the last line clears the cutter. */
const FEED_BEFORE_CUT = 4;

/** Character size (width × height) per line size. */
const SIZES: Record<NonNullable<PrintLine['size']>, [number, number]> = {
  normal: [1, 1],
  large: [1, 2],
  huge: [3, 3],
};

/** Typography the printer's code page lacks, spelled in ASCII. */
const PLAIN: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00a0': ' ',
  '\u00d7': 'x',
};

/** `text` with typographic punctuation made plain for a code page 437 printer. */
export function plainText(text: string): string {
  return text.replace(
    /[\u2013\u2014\u2026\u2018\u2019\u201c\u201d\u00a0\u00d7]/g,
    (c) => PLAIN[c] ?? c,
  );
}

/** The ESC/POS bytes of `doc` for paper `paperWidth` mm: lines, then the QR code, then a cut. */
export function encodeEscPos(doc: PrintDocument, paperWidth: 58 | 80): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: COLUMNS[paperWidth],
    feedBeforeCut: FEED_BEFORE_CUT,
    newline: '\n',
  });
  encoder.initialize().codepage('cp437');
  for (const line of doc.lines) {
    const [width, height] = SIZES[line.size ?? 'normal'];
    // Styles set for the text and cleared before the line ends: no style carries over.
    encoder
      .align(line.align ?? 'left')
      .bold(line.bold ?? false)
      .size(width, height)
      .text(plainText(line.text))
      .size(1, 1)
      .bold(false)
      .newline();
  }
  if (doc.qr) {
    encoder
      .align('center')
      .qrcode(doc.qr, { model: 2, size: QR_MODULE[paperWidth], errorlevel: 'm' })
      .align('left');
  }
  return encoder.cut('partial').encode();
}
