/**
 * The admin client's catalogue import: a CSV goes as JSON {csv, publish}, an .xlsx as its
 * own bytes with its media type and `publish` in the query; the template in either format.
 */
import { describe, expect, it } from 'vitest';
import { adminApi, type TokenStore } from '../../../src/app/admin/api';
import { XLSX_MEDIA_TYPE } from '../../../src/domain/config/catalogue-import';

function recorder() {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(
      JSON.stringify({ rows: [], unknownColumns: [], issues: [], changes: [], published: null }),
      { headers: { 'Content-Type': 'application/json' } },
    );
  }) as typeof fetch;
  const tokens: TokenStore = { get: () => 'token-1', set: () => {} };
  return { calls, api: adminApi(tokens, fetchImpl) };
}

describe('the admin client: the catalogue import', () => {
  it('sends an .xlsx as itself and a CSV as JSON', async () => {
    const { calls, api } = recorder();
    const xlsx = new Uint8Array([0x50, 0x4b, 3, 4]).buffer;

    await api.importCatalogue({ xlsx }, true);
    await api.importCatalogue({ csv: 'instansi;layanan' }, false);

    const [file, csv] = calls;
    expect(file?.url).toBe('/api/v1/admin/catalogue/import?publish=1');
    expect(file?.init?.headers).toMatchObject({
      'Content-Type': XLSX_MEDIA_TYPE,
      Authorization: 'Bearer token-1',
    });
    expect(file?.init?.body).toBe(xlsx);
    expect(csv?.url).toBe('/api/v1/admin/catalogue/import');
    expect(csv?.init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(csv?.init?.body))).toEqual({
      csv: 'instansi;layanan',
      publish: false,
    });
  });

  it('downloads the template in the format asked for', async () => {
    const { calls, api } = recorder();

    await api.catalogueTemplate('xlsx');
    await api.catalogueTemplate('csv');

    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/admin/catalogue/template.xlsx',
      '/api/v1/admin/catalogue/template.csv',
    ]);
  });
});
