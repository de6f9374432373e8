import { describe, expect, it } from 'vitest';
import { type ImportRow, importCatalogue } from '../../../src/domain/config/catalogue-import';
import { catalogueRows } from '../../../src/domain/config/catalogue-rows';
import { UNRECORDED_TEXT } from '../../../src/domain/config/schema';
import { validateBundle } from '../../../src/domain/config/validate';
import { kioskBundle } from '../../fixtures/kiosk';

const bundle = kioskBundle();
const service = (agencies: ReturnType<typeof importCatalogue>['agencies'], id: string) =>
  agencies.flatMap((a) => a.services).find((s) => s.id === id);

describe('importCatalogue', () => {
  it('reads requirements "belum-dicatat" and a desk of another agency (dilayani_di), and writes them back', () => {
    const [own, desk] = bundle.agencies;
    const first = own?.services[0];
    if (!own || !desk || !first) throw new Error('fixture has two agencies');
    const rows: ImportRow[] = [
      {
        instansi: own.id,
        layanan: 'layanan-baru',
        nama: 'Layanan baru',
        nama_en: 'New service',
        persyaratan: 'belum-dicatat',
        menit_layanan: '15',
        dilayani_di: desk.id,
      },
      { instansi: own.id, layanan: first.id, dilayani_di: desk.id },
    ];

    const { agencies, report } = importCatalogue(bundle, rows);
    const added = service(agencies, 'layanan-baru');
    const moved = service(agencies, first.id);
    const back = importCatalogue({ ...bundle, agencies }, [
      { instansi: own.id, layanan: first.id, dilayani_di: '-' },
    ]);
    const rowsOut = catalogueRows({ ...bundle, agencies });

    expect(report.map((r) => r.status)).toEqual(['added', 'changed']);
    expect(added?.requirements).toEqual([
      { id: 'belum-dicatat', label: UNRECORDED_TEXT, mandatory: false },
    ]);
    expect(added?.servedAt).toBe(desk.id);
    expect(moved?.servedAt).toBe(desk.id);
    expect(service(back.agencies, first.id)?.servedAt).toBeUndefined();
    expect(validateBundle({ ...bundle, agencies }).ok).toBe(true);
    expect(rowsOut.find((r) => r.layanan === 'layanan-baru')).toMatchObject({
      persyaratan: 'belum-dicatat',
      dilayani_di: desk.id,
    });
  });

  it('changes nothing when the template comes back as it went', () => {
    const { agencies, report } = importCatalogue(bundle, catalogueRows(bundle));

    expect(agencies).toEqual(bundle.agencies);
    expect(new Set(report.map((r) => r.status))).toEqual(new Set(['unchanged']));
  });

  it('adds a service with what the row says, the rest "belum dicatat", and reports each row', () => {
    const rows: ImportRow[] = [
      {
        instansi: 'disdukcapil',
        layanan: 'akta-kematian',
        nama: 'Akta Kematian',
        nama_en: 'Death certificate',
        persyaratan: 'Surat keterangan kematian | KTP-el pelapor | Kartu Keluarga',
        persyaratan_en: 'Death statement | Reporter’s KTP-el | Family card',
        menit_layanan: '20',
        biaya: 'gratis',
      },
      { instansi: 'tidak-ada', layanan: 'x', nama: 'X' },
      { instansi: 'disdukcapil', layanan: 'akta-lahir', nama: 'Akta Lahir' },
      {
        instansi: 'imigrasi',
        layanan: 'imigrasi-paspor-baru',
        biaya: 'Rp350.000',
        dasar_hukum: 'PP 28/2019',
      },
      { instansi: 'imigrasi', layanan: 'imigrasi-paspor-baru', kuota_harian: 'lima' },
    ];

    const { agencies, report } = importCatalogue(bundle, rows);

    expect(report.map((r) => [r.row, r.status])).toEqual([
      [2, 'added'],
      [3, 'refused'],
      [4, 'refused'],
      [5, 'changed'],
      [6, 'refused'],
    ]);
    const added = service(agencies, 'akta-kematian');
    expect(added).toMatchObject({
      name: { id: 'Akta Kematian', en: 'Death certificate' },
      cost: { kind: 'free' },
      duration: UNRECORDED_TEXT,
      averageServiceMinutes: 20,
      offeredAt: ['lobby'],
    });
    expect(added?.requirements.map((r) => r.id)).toEqual([
      'surat-keterangan-kematian',
      'ktp-el-pelapor',
      'kartu-keluarga',
    ]);
    expect(service(agencies, 'imigrasi-paspor-baru')?.cost).toMatchObject({
      kind: 'fixed',
      items: [{ amount: 350_000 }],
      legalBasis: 'PP 28/2019',
    });
    expect(report[3]?.message).toBe('diubah');
    expect(report[1]?.message).toBe("instansi 'tidak-ada' tidak ada di situs ini");
    expect(validateBundle({ ...bundle, agencies }).ok).toBe(true);
  });

  it('keeps what a row leaves as it stands: English beside a changed Indonesian, requirements named again', () => {
    // Arrange: the template rows, then edits a person makes in a spreadsheet.
    const rows = catalogueRows(bundle);
    const kk = rows.find((r) => r.layanan === 'disdukcapil-kk-perubahan');
    const paspor = rows.find((r) => r.layanan === 'imigrasi-paspor-baru');
    if (!kk || !paspor) throw new Error('fixture services');
    kk.nama = `${kk.nama} Baru`;
    kk.persyaratan = `${kk.persyaratan} | Pas foto`;
    kk.persyaratan_en = `${kk.persyaratan_en} | Photo`;
    paspor.waktu_en = 'Four working days';

    // Act
    const { agencies, report } = importCatalogue(bundle, [kk, paspor]);

    // Assert
    const before = service(bundle.agencies, 'disdukcapil-kk-perubahan');
    const after = service(agencies, 'disdukcapil-kk-perubahan');
    expect(report.map((r) => r.status)).toEqual(['changed', 'changed']);
    expect(after?.name.en).toBe(before?.name.en);
    // The requirements named before keep their ids, alternatives and whether they are
    // mandatory; the new one is added at the end.
    expect(after?.requirements.slice(0, -1)).toEqual(before?.requirements);
    expect(after?.requirements.at(-1)).toEqual({
      id: 'pas-foto',
      label: { id: 'Pas foto', en: 'Photo' },
      mandatory: true,
    });
    // Only the English changed: the Indonesian stays, the English is taken.
    const pasporAfter = service(agencies, 'imigrasi-paspor-baru');
    expect(pasporAfter?.duration).toEqual({
      id: service(bundle.agencies, 'imigrasi-paspor-baru')?.duration.id,
      en: 'Four working days',
    });
    expect(validateBundle({ ...bundle, agencies }).ok).toBe(true);
  });

  it('refuses a row with more cells than the header, and keeps English in place across a gap', () => {
    const { report, agencies } = importCatalogue(bundle, [
      { instansi: 'disdukcapil', layanan: 'x', __parsed_extra: ['lebih'] } as unknown as ImportRow,
      {
        instansi: 'disdukcapil',
        layanan: 'akta-kematian',
        nama: 'Akta Kematian',
        nama_en: 'Death certificate',
        persyaratan: 'A | B | C',
        persyaratan_en: 'A-en |  | C-en',
        menit_layanan: '20',
      },
    ]);

    expect(report[0]?.status).toBe('refused');
    expect(report[0]?.message).toContain('lebih banyak kolom');
    expect(service(agencies, 'akta-kematian')?.requirements.map((r) => r.label)).toEqual([
      { id: 'A', en: 'A-en' },
      { id: 'B' },
      { id: 'C', en: 'C-en' },
    ]);
  });
});
