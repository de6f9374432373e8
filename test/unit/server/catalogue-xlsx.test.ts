// @vitest-environment node
/**
 * The .xlsx reader of the catalogue import: the sheet it reads, each cell as text, row
 * numbers as the spreadsheet counts them; and what it refuses — not a zip, a zip bomb
 * (honest or lying about its sizes), too many files, rows or columns, no worksheet. Markup
 * exceljs would blow up (column ranges, merged ranges, defined names) is not passed on.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  readCatalogueXlsx,
  XLSX_BOUNDS,
  XlsxRefusal,
} from '../../../src/server/config/catalogue-xlsx';
import { unpackZip, ZipRefusal } from '../../../src/server/config/zip-guard';
import { buildZip, zeros } from '../../fixtures/zip';

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(bytes: Uint8Array, bounds = XLSX_BOUNDS): Promise<XlsxRefusal> {
  const error = await readCatalogueXlsx(bytes, bounds).catch((e: unknown) => e);
  if (!(error instanceof XlsxRefusal)) throw new Error(`not refused: ${String(error)}`);
  return error;
}

describe('reading the catalogue from an .xlsx', () => {
  it('reads the katalog sheet, each cell as text, skipping empty rows', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Petunjuk').addRow(['Isi lembar katalog']);
      const sheet = workbook.addWorksheet('katalog');
      sheet.addRow([' Instansi ', 'LAYANAN', 'nama', 'menit_layanan', 'biaya', null, 'waktu']);
      sheet.addRow([]);
      sheet.addRow([
        'disdukcapil',
        { richText: [{ text: 'akta-' }, { text: 'lahir', font: { bold: true } }] },
        { text: 'Akta Lahir', hyperlink: 'https://example.org' },
        { formula: '10+5', result: 15 },
        25000,
        'tanpa judul',
        new Date(Date.UTC(2026, 0, 2)),
      ]);
    });

    const table = await readCatalogueXlsx(bytes);

    expect(table.columns).toEqual([
      'instansi',
      'layanan',
      'nama',
      'menit_layanan',
      'biaya',
      'kolom F',
      'waktu',
    ]);
    expect(table.rowNumbers).toEqual([3]);
    expect(table.rows).toEqual([
      {
        instansi: 'disdukcapil',
        layanan: 'akta-lahir',
        nama: 'Akta Lahir',
        menit_layanan: '15',
        biaya: '25000',
        'kolom F': 'tanpa judul',
        waktu: '2026-01-02',
      },
    ]);
  });

  it('reads the first sheet shown when none is named katalog', async () => {
    const named = await workbookBytes((workbook) => {
      workbook.addWorksheet('Lain').addRow(['lain']);
      workbook.addWorksheet('KATALOG').addRow(['instansi']);
    });
    const unnamed = await workbookBytes((workbook) => {
      workbook.addWorksheet('Daftar', { state: 'hidden' }).addRow(['tersembunyi']);
      workbook.addWorksheet('Layanan').addRow(['instansi']);
    });

    const [fromNamed, fromUnnamed] = await Promise.all([
      readCatalogueXlsx(named),
      readCatalogueXlsx(unnamed),
    ]);

    expect(fromNamed.columns).toEqual(['instansi']);
    expect(fromUnnamed.columns).toEqual(['instansi']);
  });

  it('says each kind of cell value as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 11, 5, 9, 30)))).toBe('2026-12-05 09:30');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'A1', result: { error: '#REF!' } })).toBe('#REF!');
    expect(cellText({ sharedFormula: 'A1' })).toBe('');
  });

  it('refuses what is not a zip, or a cut-short one', async () => {
    const good = await workbookBytes((w) => w.addWorksheet('katalog').addRow(['instansi']));

    const notZip = await refusal(new TextEncoder().encode('instansi;layanan\n'));
    const cut = await refusal(good.subarray(0, good.length - 40));

    expect([notZip.status, notZip.code]).toEqual([400, 'invalid_xlsx']);
    expect([cut.status, cut.code]).toEqual([400, 'invalid_xlsx']);
  });

  it('refuses a zip bomb by its declared size, before inflating anything', () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(40) }]);

    const error = (() => {
      try {
        unpackZip(bomb, XLSX_BOUNDS);
      } catch (e) {
        return e;
      }
    })();

    expect(bomb.length).toBeLessThan(100_000);
    expect(error).toBeInstanceOf(ZipRefusal);
    expect((error as ZipRefusal).reason).toBe('too_large');
  });

  it('refuses a zip bomb that declares a small size, inflating no more than it declared', async () => {
    const liar = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: zeros(200), declaredSize: 1_000 },
    ]);

    const started = performance.now();
    const error = await refusal(liar);

    expect([error.status, error.code]).toEqual([413, 'xlsx_too_large']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses too many files in the zip', async () => {
    const many = buildZip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.xml`, data: 'x' })));

    const error = await refusal(many, { ...XLSX_BOUNDS, maxEntries: 10 });

    expect(error.code).toBe('xlsx_too_large');
  });

  it('refuses too many rows or columns', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('katalog');
      for (let i = 0; i < 12; i++) sheet.addRow(['disdukcapil', `layanan-${i}`]);
    });
    const wide = await workbookBytes((workbook) => {
      workbook.addWorksheet('katalog').addRow(Array.from({ length: 12 }, (_, i) => `k${i}`));
    });

    const rows = await refusal(bytes, { ...XLSX_BOUNDS, maxRows: 10 });
    const columns = await refusal(wide, { ...XLSX_BOUNDS, maxColumns: 10 });
    const enough = await readCatalogueXlsx(bytes, { ...XLSX_BOUNDS, maxRows: 11 });

    expect(rows.code).toBe('too_many_rows');
    expect(columns.code).toBe('too_many_columns');
    expect(enough.rows).toHaveLength(11);
  });

  it('refuses a workbook with no worksheet', async () => {
    const empty = await workbookBytes(() => {});

    const error = await refusal(empty);

    expect([error.status, error.code]).toEqual([400, 'no_worksheet']);
  });
});
