import { describe, expect, it } from 'vitest';
import {
  catalogueRows,
  type ImportRow,
  importCatalogue,
} from '../../../src/domain/config/catalogue-import';
import { UNRECORDED_TEXT } from '../../../src/domain/config/schema';
import { validateBundle } from '../../../src/domain/config/validate';
import { kioskBundle } from '../../fixtures/kiosk';

const bundle = kioskBundle();
const service = (agencies: ReturnType<typeof importCatalogue>['agencies'], id: string) =>
  agencies.flatMap((a) => a.services).find((s) => s.id === id);

describe('importCatalogue', () => {
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
});
