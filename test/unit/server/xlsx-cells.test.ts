// @vitest-environment node
/**
 * A few bytes of markup that exceljs would turn into work as large as a sheet can be (a
 * column range, a merged range, a defined name, a data validation — each over the whole
 * sheet) are not passed on: the workbook reads at once. A row or cell past Excel's limits,
 * a DOCTYPE, or broken XML refuse the file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalogueXlsx, XlsxRefusal } from '../../../src/server/config/catalogue-xlsx';
import { unpackZip } from '../../../src/server/config/zip-guard';
import { buildZip } from '../../fixtures/zip';

const SHEET = 'xl/worksheets/sheet1.xml';
const WORKBOOK = 'xl/workbook.xml';

async function template(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('katalog');
  sheet.columns = [{ header: 'instansi', width: 20 }, { header: 'layanan' }];
  sheet.addRow(['disdukcapil', 'akta-lahir']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The template with one part's XML edited, zipped again. */
async function tampered(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const files = unpackZip(await template(), { maxEntries: 100, maxUnpackedBytes: 2 ** 24 });
  const xml = new TextDecoder().decode(files.get(part));
  const edited = edit(xml);
  if (edited === xml) throw new Error(`the edit of ${part} changed nothing`);
  return buildZip(
    [...files].map(([name, data]) => ({ name, data: name === part ? edited : data })),
  );
}

async function timedRead(bytes: Uint8Array) {
  const started = performance.now();
  const table = await readCatalogueXlsx(bytes);
  return { table, ms: performance.now() - started };
}

async function refusal(bytes: Uint8Array): Promise<XlsxRefusal> {
  const error = await readCatalogueXlsx(bytes).catch((e: unknown) => e);
  if (!(error instanceof XlsxRefusal)) throw new Error(`not refused: ${String(error)}`);
  return error;
}

describe('an .xlsx cut down to its cells', () => {
  it.each([
    [
      'a column range over 30 million columns',
      SHEET,
      /<cols>.*<\/cols>/,
      '<cols><col min="1" max="30000000" width="9"/></cols>',
    ],
    [
      'a merged range over the whole sheet',
      SHEET,
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ],
    [
      'a merged range behind a stray closing tag',
      SHEET,
      '<sheetData>',
      '<sheetData><x></x><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ],
    [
      'a data validation over the whole sheet',
      SHEET,
      '</sheetData>',
      '</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>',
    ],
    [
      'a defined name over the whole sheet',
      WORKBOOK,
      '</sheets>',
      '</sheets><definedNames><definedName name="semua">katalog!$A$1:$XFD$1048576</definedName></definedNames>',
    ],
  ] as const)('reads at once despite %s', async (_, part, find, replace) => {
    const bytes = await tampered(part, (xml) => xml.replace(find, replace));

    const { table, ms } = await timedRead(bytes);

    expect(table.rows).toEqual([{ instansi: 'disdukcapil', layanan: 'akta-lahir' }]);
    expect(ms).toBeLessThan(2_000);
  });

  it.each([
    ['a row past 1 048 576', '<row r="2"', '<row r="400000000"'],
    ['a row numbered with a character reference', '<row r="2"', '<row r="4&#48;0000000"'],
    ['a cell past column XFD', 'r="B2"', 'r="XFE2"'],
    ['a DOCTYPE', '<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet'],
    ['broken XML', '</sheetData>', '</sheetData></row>'],
  ])('refuses %s', async (_, find, replace) => {
    const bytes = await tampered(SHEET, (xml) => xml.replace(find, replace));

    const error = await refusal(bytes);

    expect([error.status, error.code]).toEqual([400, 'invalid_xlsx']);
  });
});
