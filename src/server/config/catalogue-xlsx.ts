/**
 * The catalogue spreadsheet as an .xlsx (exceljs, on the server only): the zip unpacked
 * within bounds (./zip-guard.ts) and cut down to its cells (./xlsx-cells.ts), then the
 * sheet named like the template's, or else the first one shown, read into the same header
 * and rows the CSV gives, each cell as the text it stands for. The rows are read by the
 * one row model (src/domain/config/catalogue-import.ts).
 */
import ExcelJS from 'exceljs';
import type { ImportRow } from '../../domain/config/catalogue-import';
import { cellsOnly, XlsxPartRefusal } from './xlsx-cells';
import { packZip, unpackZip, type ZipBounds, ZipRefusal } from './zip-guard';

/** The template's sheet, read before any other (its name in any case). */
export const CATALOGUE_SHEET = 'katalog';

/** What an .xlsx import may hold. */
export type XlsxBounds = ZipBounds & { maxRows: number; maxColumns: number };

/**
 * A site's catalogue is hundreds of rows: the sample's 61 services unpack to 0.12 MiB.
 * exceljs reads ~50 000 cells a second here: 8 MiB of small cells takes ~4 s, the bound.
 */
export const XLSX_BOUNDS: XlsxBounds = {
  maxEntries: 1_000,
  maxUnpackedBytes: 8 * 2 ** 20,
  maxRows: 2_000,
  maxColumns: 60,
};

/** The header (lower-case, trimmed) and each non-empty row with its spreadsheet number. */
export type CatalogueTable = { columns: string[]; rows: ImportRow[]; rowNumbers: number[] };

/** Why an .xlsx was refused, with the HTTP status and code the route answers. */
export class XlsxRefusal extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads an .xlsx into the catalogue's table; throws an XlsxRefusal for what it cannot read. */
export async function readCatalogueXlsx(
  bytes: Uint8Array,
  bounds: XlsxBounds = XLSX_BOUNDS,
): Promise<CatalogueTable> {
  let cells: Uint8Array;
  try {
    cells = packZip(cellsOnly(unpackZip(bytes, bounds)));
  } catch (error) {
    if (error instanceof XlsxPartRefusal) {
      throw new XlsxRefusal(400, 'invalid_xlsx', `Not a readable .xlsx: ${error.message}.`);
    }
    if (!(error instanceof ZipRefusal)) throw error;
    const tooLarge = error.reason === 'too_large';
    throw new XlsxRefusal(
      tooLarge ? 413 : 400,
      tooLarge ? 'xlsx_too_large' : 'invalid_xlsx',
      error.message,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(cells) as never);
  } catch {
    throw new XlsxRefusal(400, 'invalid_xlsx', 'Not a readable .xlsx: its workbook does not load.');
  }
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((s) => s.name.trim().toLowerCase() === CATALOGUE_SHEET) ??
    sheets.find((s) => s.state === 'visible') ??
    sheets[0];
  if (!sheet) throw new XlsxRefusal(400, 'no_worksheet', 'The .xlsx holds no worksheet.');
  return tableOf(sheetCells(sheet, bounds));
}

/** Each non-empty row's number and its cells as text (index 0 is column A). */
function sheetCells(sheet: ExcelJS.Worksheet, bounds: XlsxBounds) {
  const rows: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value).trim();
      if (text === '') return;
      if (column > bounds.maxColumns) {
        throw new XlsxRefusal(
          400,
          'too_many_columns',
          `At most ${bounds.maxColumns} columns are read.`,
        );
      }
      cells[column - 1] = text;
    });
    if (cells.length === 0) return;
    if (rows.length > bounds.maxRows) {
      throw new XlsxRefusal(400, 'too_many_rows', `At most ${bounds.maxRows} rows are read.`);
    }
    rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** The first row names the columns; a column without a name, or named twice, is not read. */
function tableOf(rows: { number: number; cells: string[] }[]): CatalogueTable {
  const [header, ...data] = rows;
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const columns: string[] = [];
  for (let i = 0; i < width; i++) {
    const name = (header?.cells[i] ?? '').toLowerCase();
    const letter = columnLetter(i + 1);
    columns.push(
      name === '' ? `kolom ${letter}` : columns.includes(name) ? `${name} (kolom ${letter})` : name,
    );
  }
  return {
    columns,
    rows: data.map(
      (r) => Object.fromEntries(columns.map((name, i) => [name, r.cells[i] ?? ''])) as ImportRow,
    ),
    rowNumbers: data.map((r) => r.number),
  };
}

/** "A" for 1, "AA" for 27. */
function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A cell as text: a number as JavaScript writes it (25000, 1.5), a date as YYYY-MM-DD (with
 * HH:MM when it has a time), TRUE/FALSE, rich text joined, a hyperlink's text, a formula's
 * last result, an error as Excel shows it (#N/A).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z')
      ? iso.slice(0, 10)
      : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}
