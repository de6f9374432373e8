// @vitest-environment node
/**
 * The catalogue import from an .xlsx, on both stores: the template.xlsx (bold, frozen
 * header) comes back unchanged; rows are reported as the sheet numbers them; hostile files
 * (not a zip, a zip bomb, too big a body, a row past Excel's, no sheet) are refused with a
 * 4xx and change nothing, and the next good import still publishes.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../src/domain/config/catalogue-import';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { MAX_BODY_BYTES } from '../../../src/domain/protocol';
import { kioskBundle } from '../../fixtures/kiosk';
import { type StoreLocation, storeTargets } from '../../fixtures/store-targets';
import { buildZip, zeros } from '../../fixtures/zip';
import { call, type Harness, json, NOW, seedAdmin, startHarness } from './support';

type Answer = {
  rows: { row: number; service: string; status: string; message: string }[];
  unknownColumns: string[];
  published: string | null;
};

const HEADER = [
  'instansi',
  'layanan',
  'nama',
  'nama_en',
  'persyaratan',
  'persyaratan_en',
  'menit_layanan',
  'biaya',
  'warna',
];
const GOOD = [
  'disdukcapil',
  'akta-kematian',
  'Akta Kematian',
  'Death certificate',
  'Surat kematian | KK',
  'Death statement | Family card',
  20,
  'gratis',
];
const BAD = ['disdukcapil', 'akta-lahir', 'Akta Lahir'];

async function sheetBytes(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('katalog');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe.each(storeTargets())('the catalogue import from an .xlsx ($kind)', (target) => {
  let location: StoreLocation;
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    location = await target.create();
    h = await startHarness({ config: kioskBundle(), store: await location.open(() => NOW) });
    token = await seedAdmin(h.store);
  });
  afterEach(async () => {
    await h.store.close();
    await location.dispose();
  });

  const importXlsx = (bytes: Uint8Array, publish: boolean) =>
    call(h, 'POST', `/admin/catalogue/import?publish=${publish ? 1 : 0}`, {
      token,
      raw: new Uint8Array(bytes),
      headers: { 'Content-Type': XLSX_MEDIA_TYPE },
    });
  const version = async () => (await json<ConfigBundle>(await call(h, 'GET', '/config'))).version;

  it('gives a template.xlsx that comes back unchanged: nothing to publish', async () => {
    const response = await call(h, 'GET', '/admin/catalogue/template.xlsx', { token });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.getWorksheet('katalog');
    const before = await version();

    const answer = await json<Answer>(await importXlsx(bytes, true));

    expect(response.headers.get('Content-Type')).toBe(XLSX_MEDIA_TYPE);
    expect(sheet?.getRow(1).getCell(1).value).toBe('instansi');
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(3).width).toBeGreaterThan(10);
    const services = h.config.agencies.reduce((n, a) => n + a.services.length, 0);
    expect(answer.rows.length).toBe(services);
    expect(new Set(answer.rows.map((r) => r.status))).toEqual(new Set(['unchanged']));
    expect(answer.published).toBeNull();
    expect(await version()).toBe(before);
  });

  it('reports rows as the sheet numbers them; publishes only a clean import', async () => {
    const before = await version();

    const refused = await json<Answer>(
      await importXlsx(await sheetBytes([HEADER, GOOD, [], BAD]), true),
    );
    const afterRefusal = await version();
    const accepted = await json<Answer>(await importXlsx(await sheetBytes([HEADER, GOOD]), true));
    const config = await json<ConfigBundle>(await call(h, 'GET', '/config'));

    expect(refused.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'added'],
      [4, 'refused'],
    ]);
    expect(refused.unknownColumns).toEqual(['warna']);
    expect(refused.published).toBeNull();
    expect(afterRefusal).toBe(before);
    expect(accepted.published).toBe(config.version);
    const added = config.agencies
      .find((a) => a.id === 'disdukcapil')
      ?.services.find((s) => s.id === 'akta-kematian');
    expect(added?.averageServiceMinutes).toBe(20);
    expect(added?.requirements.map((r) => r.label.id)).toEqual(['Surat kematian', 'KK']);
  });

  it('refuses hostile files with a 4xx, changing nothing; the next good import publishes', async () => {
    const before = await version();
    const hostile = {
      notZip: new TextEncoder().encode('instansi;layanan\ndisdukcapil;x\n'),
      bomb: buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(64), declaredSize: 100 }]),
      honestBomb: buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(64) }]),
      tooBig: new Uint8Array(randomBytes(MAX_BODY_BYTES + 1)),
      rowPastExcel: buildZip([
        {
          name: 'xl/worksheets/sheet1.xml',
          data: '<worksheet><sheetData><row r="400000000"/></sheetData></worksheet>',
        },
      ]),
      noSheet: new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()),
      noColumns: await sheetBytes([['nama', 'biaya'], GOOD]),
    };

    const answers: Record<string, [number, string]> = {};
    for (const [name, bytes] of Object.entries(hostile)) {
      const response = await importXlsx(bytes, true);
      answers[name] = [response.status, (await json<{ error: string }>(response)).error];
    }
    const good = await json<Answer>(await importXlsx(await sheetBytes([HEADER, GOOD]), true));

    expect(answers).toEqual({
      notZip: [400, 'invalid_xlsx'],
      bomb: [413, 'xlsx_too_large'],
      honestBomb: [413, 'xlsx_too_large'],
      tooBig: [413, 'payload_too_large'],
      rowPastExcel: [400, 'invalid_xlsx'],
      noSheet: [400, 'no_worksheet'],
      noColumns: [400, 'invalid_request'],
    });
    expect(good.published).not.toBeNull();
    expect(good.published).not.toBe(before);
    expect(await version()).toBe(good.published);
    expect(h.errors).toEqual([]);
  });

  it('refuses an .xlsx import without an admin, and a publish flag it cannot read', async () => {
    const bytes = await sheetBytes([HEADER, GOOD]);

    const anonymous = await call(h, 'POST', '/admin/catalogue/import', {
      raw: new Uint8Array(bytes),
      headers: { 'Content-Type': XLSX_MEDIA_TYPE },
    });
    const oddFlag = await call(h, 'POST', '/admin/catalogue/import?publish=yes', {
      token,
      raw: new Uint8Array(bytes),
      headers: { 'Content-Type': XLSX_MEDIA_TYPE },
    });

    expect(anonymous.status).toBe(401);
    expect(oddFlag.status).toBe(400);
  });
});
