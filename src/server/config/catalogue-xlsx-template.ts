/**
 * The catalogue template as an .xlsx (exceljs): the same rows and columns as the CSV one,
 * on the sheet the import reads first, its header bold and frozen, columns wide enough
 * to read. Whole numbers are numbers, so a spreadsheet does not flag them as text.
 */
import ExcelJS from 'exceljs';
import type { ImportColumn } from '../../domain/config/catalogue-import';
import { CATALOGUE_SHEET } from './catalogue-xlsx';

const NUMBER_COLUMNS: readonly string[] = ['biaya', 'kuota_harian', 'menit_layanan'];

/** The .xlsx bytes of `rows` under `columns`. */
export async function catalogueXlsx(
  columns: readonly ImportColumn[],
  rows: readonly Record<ImportColumn, string>[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Anjungan';
  const sheet = workbook.addWorksheet(CATALOGUE_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column,
    key: column,
    width: Math.min(60, Math.max(column.length, ...rows.map((r) => r[column].length)) + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((column) =>
        NUMBER_COLUMNS.includes(column) && /^(?:0|[1-9]\d{0,14})$/.test(row[column])
          ? Number(row[column])
          : row[column],
      ),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
