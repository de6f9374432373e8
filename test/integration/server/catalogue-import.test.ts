// @vitest-environment node
/**
 * The catalogue from a spreadsheet: the template comes back unchanged; an import with a
 * bad row is reported row by row and publishes nothing; the good one becomes the newest
 * version, which devices are served.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { kioskBundle } from '../../fixtures/kiosk';
import { call, type Harness, json, seedAdmin, startHarness } from './support';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await startHarness({ config: kioskBundle() });
  token = await seedAdmin(h.store);
  return () => h.store.close();
});

type Answer = {
  rows: { row: number; service: string; status: string; message: string }[];
  unknownColumns: string[];
  issues: { path: string; message: string }[];
  published: string | null;
};
const importCsv = async (csv: string, publish: boolean) =>
  json<Answer>(await call(h, 'POST', '/admin/catalogue/import', { token, body: { csv, publish } }));

const HEADER = 'instansi;layanan;nama;nama_en;persyaratan;persyaratan_en;menit_layanan;biaya;warna';
const GOOD =
  'disdukcapil;akta-kematian;Akta Kematian;Death certificate;Surat keterangan kematian | KK;Death statement | Family card;20;gratis;merah';
const BAD = 'disdukcapil;akta-lahir;Akta Lahir;Birth certificate;;;;;';

describe('the catalogue import', () => {
  it('gives back the template unchanged: nothing to publish', async () => {
    const template = await (
      await call(h, 'GET', '/admin/catalogue/template.csv', { token })
    ).text();

    const answer = await importCsv(template, true);

    expect(template.split('\r\n')[0]).toBe(
      'instansi;layanan;nama;nama_en;biaya;biaya_en;dasar_hukum;waktu;waktu_en;produk;produk_en;prosedur;prosedur_en;persyaratan;persyaratan_en;kuota_harian;menit_layanan;dilayani_di',
    );
    expect(answer.rows.length).toBe(h.config.agencies.reduce((n, a) => n + a.services.length, 0));
    expect(new Set(answer.rows.map((r) => r.status))).toEqual(new Set(['unchanged']));
    expect(answer.published).toBeNull();
  });

  it('reports a bad row and publishes nothing, then publishes the good import', async () => {
    const before = await json<ConfigBundle>(await call(h, 'GET', '/config'));

    const refused = await importCsv([HEADER, GOOD, BAD].join('\n'), true);
    const afterRefusal = await json<ConfigBundle>(await call(h, 'GET', '/config'));
    const accepted = await importCsv([HEADER, GOOD].join('\n'), true);
    const after = await json<ConfigBundle>(await call(h, 'GET', '/config'));

    expect(refused.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'added'],
      [3, 'refused'],
    ]);
    expect(refused.rows[1]?.message).toContain('nama, persyaratan dan menit_layanan');
    expect(refused.unknownColumns).toEqual(['warna']);
    expect(refused.published).toBeNull();
    expect(afterRefusal.version).toBe(before.version);
    expect(accepted.published).toBe(after.version);
    const added = after.agencies
      .find((a) => a.id === 'disdukcapil')
      ?.services.find((s) => s.id === 'akta-kematian');
    expect(added?.name).toEqual({ id: 'Akta Kematian', en: 'Death certificate' });
    expect(added?.duration.id).toBe('Belum dicatat — tanyakan di loket');
  });
});
