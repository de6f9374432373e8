/**
 * CSV for a spreadsheet set to Indonesian: `;` between fields (the comma is the decimal
 * mark), a UTF-8 byte order mark so Excel reads the text as UTF-8, CRLF lines.
 */

/** A field, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The document of `rows` (the header first). */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** A number with a decimal comma and `digits` decimals ("3,25"), as id-ID reads it. */
export function decimalComma(value: number, digits: number): string {
  return value.toFixed(digits).replace('.', ',');
}
