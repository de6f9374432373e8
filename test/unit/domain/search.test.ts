import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AgencySchema } from '../../../src/domain/config/schema';
import {
  listedServices,
  normalizeSearch,
  type SearchHit,
  searchCatalogue,
} from '../../../src/domain/search';
import { agenciesOf, agency, sampleCatalogue, service } from '../../fixtures/catalogue';

const CATALOGUE = sampleCatalogue();

/** Results as 'agency: service, service' (an asterisk marks an agency match). */
function summary(hits: readonly SearchHit[]): string[] {
  return hits.map(
    (h) => `${h.agency.id}${h.matchedAgency ? '*' : ''}: ${h.services.map((s) => s.id).join(', ')}`,
  );
}

describe('normalizeSearch', () => {
  it('makes e-KTP, ektp, e ktp and E-KTP the same word', () => {
    // Act
    const forms = ['e-KTP', 'ektp', 'e ktp', 'E-KTP', ' E – KTP '].map(normalizeSearch);

    // Assert
    expect(new Set(forms)).toEqual(new Set(['ektp']));
  });

  it('lower-cases, strips diacritics and collapses punctuation and spaces', () => {
    // Act
    const result = normalizeSearch("  Pèrpanjangan   SIM (A/C),  Jum'at ");

    // Assert
    expect(result).toBe('perpanjangan sim a c jumat');
  });

  it('spells antrian, nomer and other popular forms the KBBI way', () => {
    // Act
    const result = normalizeSearch('Nomer Antrian ijin pasport');

    // Assert
    expect(result).toBe('nomor antrean izin paspor');
  });

  it('maps a partly typed "antri" so it still leads to "antrean"', () => {
    // Act
    const result = normalizeSearch('antria');

    // Assert
    expect(result).toBe('antrea');
  });

  it('gives an empty string for punctuation only', () => {
    // Act
    const result = normalizeSearch(' -- / ');

    // Assert
    expect(result).toBe('');
  });
});

describe('searchCatalogue', () => {
  it('uses a catalogue fixture that is valid config', () => {
    // Act
    const invalid = CATALOGUE.filter((a) => !v.safeParse(AgencySchema, a).success);

    // Assert
    expect(invalid).toEqual([]);
  });

  it('returns every agency with all services for an empty query', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, '   ');

    // Assert
    expect(hits.map((h) => h.agency.id)).toEqual(CATALOGUE.map((a) => a.id));
    expect(hits.every((h, i) => h.services.length === CATALOGUE[i]?.services.length)).toBe(true);
  });

  it('finds "Cek Status Nomor Antrean" by the popular "antrian" and "nomer antrian"', () => {
    // Act
    const antrian = searchCatalogue(CATALOGUE, 'antrian');
    const nomerAntrian = searchCatalogue(CATALOGUE, 'nomer antrian');

    // Assert
    expect(summary(antrian)).toEqual(['informasi: status-antrean']);
    expect(summary(nomerAntrian)).toEqual(['informasi: status-antrean']);
  });

  it('finds KTP-el services by e-KTP, ektp and e ktp', () => {
    // Act
    const results = ['e-KTP', 'ektp', 'e ktp'].map((q) => summary(searchCatalogue(CATALOGUE, q)));

    // Assert
    for (const result of results) {
      expect(result).toEqual(['dukcapil: ktp-el-baru, ktp-el-cetak-ulang']);
    }
  });

  it('finds KTP-el services and descriptions mentioning them by KTP', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'KTP');

    // Assert
    expect(summary(hits)).toEqual([
      'dukcapil: ktp-el-baru, ktp-el-cetak-ulang',
      'bpjs-kesehatan: perubahan-data',
    ]);
  });

  it('finds KTP-el when typed with a space, "ktp el", but not "ktp xy"', () => {
    // Arrange
    const ktp = service('ktp-el', { name: { id: 'Cetak KTP-el' } });
    const dukcapil = agency('dukcapil', { services: [ktp, service('kartu-keluarga')] });

    // Act
    const spaced = searchCatalogue([dukcapil], 'ktp el');
    const unrelated = searchCatalogue([dukcapil], 'ktp xy');

    // Assert
    expect(summary(spaced)).toEqual(['dukcapil: ktp-el']);
    expect(unrelated).toEqual([]);
  });

  it('finds passports by "paspor", a prefix "pasp" and the misspelling "pasport"', () => {
    // Act
    const results = ['paspor', 'pasp', 'pasport', 'PÁSPOR'].map((q) =>
      summary(searchCatalogue(CATALOGUE, q)),
    );

    // Assert
    for (const result of results) {
      expect(result).toEqual(['imigrasi: paspor-baru, paspor-penggantian']);
    }
  });

  it('finds the driving licence by SIM and by its long name', () => {
    // Act
    const sim = searchCatalogue(CATALOGUE, 'SIM');
    const longName = searchCatalogue(CATALOGUE, 'surat ijin mengemudi');

    // Assert
    expect(summary(sim)).toEqual(['satlantas: perpanjangan-sim']);
    expect(summary(longName)).toEqual(['satlantas: perpanjangan-sim']);
  });

  it('finds services by their English names', () => {
    // Act
    const passport = searchCatalogue(CATALOGUE, 'Passport');
    const renewal = searchCatalogue(CATALOGUE, 'passport renewal');
    const birth = searchCatalogue(CATALOGUE, 'birth certificate');

    // Assert
    expect(summary(passport)).toEqual(['imigrasi: paspor-baru, paspor-penggantian']);
    expect(summary(renewal)).toEqual(['imigrasi: paspor-penggantian']);
    expect(summary(birth)).toEqual(['dukcapil: akta-kelahiran']);
  });

  it('requires every query word to match (AND)', () => {
    // Act
    const both = searchCatalogue(CATALOGUE, 'paspor baru');
    const unrelated = searchCatalogue(CATALOGUE, 'paspor kelahiran');

    // Assert
    expect(summary(both)).toEqual(['imigrasi: paspor-baru']);
    expect(unrelated).toEqual([]);
  });

  it('matches words by their beginning only', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'por');

    // Assert
    expect(hits).toEqual([]);
  });

  it('shows all services of an agency matched by short name, alias or English name', () => {
    // Act
    const results = ['Dukcapil', 'capil', 'civil registry'].map((q) =>
      summary(searchCatalogue(CATALOGUE, q)),
    );

    // Assert
    for (const result of results) {
      expect(result).toEqual([
        'dukcapil*: ktp-el-baru, ktp-el-cetak-ulang, kartu-keluarga, akta-kelahiran',
      ]);
    }
  });

  it('narrows to services when the query names the agency and a service', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'dukcapil akta');

    // Assert
    expect(summary(hits)).toEqual(['dukcapil: akta-kelahiran']);
  });

  it('matches service descriptions', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'melamar kerja');

    // Assert
    expect(summary(hits)).toEqual(['polres: skck']);
  });

  it('puts agencies with more named services first, then agencies named by the query', () => {
    // Arrange
    const oneMatch = agency('kua', {
      services: [service('legalisir-buku-nikah', { name: { id: 'Legalisir Buku Nikah' } })],
    });
    const twoMatches = agency('pengadilan-agama', {
      services: [
        service('legalisir-putusan', { name: { id: 'Legalisir Putusan' } }),
        service('legalisir-akta-cerai', { name: { id: 'Legalisir Akta Cerai' } }),
      ],
    });
    const named = agency('legalisasi', { name: { id: 'Pusat Legalisir Dokumen' } });

    // Act
    const hits = searchCatalogue([oneMatch, twoMatches, named], 'legalisir');

    // Assert
    expect(hits.map((h) => h.agency.id)).toEqual(['pengadilan-agama', 'kua', 'legalisasi']);
  });

  it('keeps config order among equally ranked agencies', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'peserta');

    // Assert
    expect(summary(hits)).toEqual(['bpjs-kesehatan: pendaftaran-peserta, perubahan-data']);
    expect(searchCatalogue(CATALOGUE, 'penerbitan').map((h) => h.agency.id)).toEqual([
      'dukcapil',
      'polres',
    ]);
  });

  it('finds nothing for a word that is nowhere', () => {
    // Act
    const hits = searchCatalogue(CATALOGUE, 'sertifikat tanah');

    // Assert
    expect(hits).toEqual([]);
  });
});

describe('searchCatalogue on the big sample site (28 agencies, 105 services)', () => {
  const BIG = agenciesOf('test/fixtures/kiosk-config-besar');
  /** The ids of the services listed for a query, in the order shown. */
  const listed = (query: string) =>
    listedServices(searchCatalogue(BIG, query)).map(({ service }) => service.id);

  it('lists the passport services of Imigrasi themselves for "paspor", before anything else', () => {
    // Act
    const hits = searchCatalogue(BIG, 'paspor');

    // Assert
    expect(listed('paspor').slice(0, 2)).toEqual([
      'imigrasi-paspor-dewasa',
      'imigrasi-paspor-anak',
    ]);
    expect(hits.find((h) => h.agency.id === 'imigrasi')?.matchedAgency).toBe(true);
  });

  it('forgives the usual slips: pasport, pasapor, paspr, pspor', () => {
    // Act
    const results = ['pasport', 'pasapor', 'paspr', 'pspor'].map((q) => listed(q).slice(0, 2));

    // Assert
    for (const result of results) {
      expect(result).toEqual(['imigrasi-paspor-dewasa', 'imigrasi-paspor-anak']);
    }
  });

  it('finds the family card by KK, kartu keluarga and a slipped "kartu kelaurga"', () => {
    // Act
    const results = ['KK', 'kartu keluarga', 'kartu kelaurga'].map((q) => listed(q)[0]);

    // Assert
    expect(results).toEqual(['disdukcapil-kk', 'disdukcapil-kk', 'disdukcapil-kk']);
  });

  it('finds KTP-el services by "ktp el" and "e ktp"', () => {
    // Act
    const spaced = listed('ktp el');
    const ektp = listed('e ktp');

    // Assert
    expect(spaced).toContain('disdukcapil-ktp-el-cetak-ulang');
    expect(ektp).toContain('disdukcapil-ktp-el-cetak-ulang');
  });

  it('finds the birth certificate by "akte kelahiran" and "akta lahir"', () => {
    // Act
    const results = ['akte kelahiran', 'akta lahir', 'akte lahr'].map((q) => listed(q)[0]);

    // Assert
    expect(results).toEqual([
      'disdukcapil-akta-kelahiran',
      'disdukcapil-akta-kelahiran',
      'disdukcapil-akta-kelahiran',
    ]);
  });

  it('finds services of the added agencies by their aliases: SKTM, kartu kuning, KIR, materai', () => {
    // Act
    const results = ['sktm', 'kartu kuning', 'uji kir', 'materai'].map((q) => listed(q)[0]);

    // Assert
    expect(results).toEqual([
      'dinsos-sktm',
      'disnaker-kartu-kuning',
      'dishub-uji-kir',
      'pos-meterai',
    ]);
  });

  it('lists every service of an agency the query names, those naming it themselves first', () => {
    // Act
    const hits = searchCatalogue(BIG, 'dishub');

    // Assert
    expect(hits.map((h) => [h.agency.id, h.matchedAgency, h.named])).toEqual([['dishub', true, 0]]);
    expect(listed('dishub')).toEqual(['dishub-uji-kir', 'dishub-izin-trayek', 'dishub-andalalin']);
    expect(listed('taspen')[0]).toBe('taspen-perubahan-data');
  });
});

describe('the tolerance for slips', () => {
  const cards = agency('layanan', {
    services: [
      service('kartu-a', { name: { id: 'Kartu Anggota' } }),
      service('karto-b', { name: { id: 'Karto Bantuan' } }),
    ],
  });

  it('applies only to a word found nowhere as typed', () => {
    // Act
    const exact = listedServices(searchCatalogue([cards], 'kartu')).map((x) => x.service.id);
    const slipped = listedServices(searchCatalogue([cards], 'kartv')).map((x) => x.service.id);

    // Assert
    expect(exact).toEqual(['kartu-a']);
    expect(slipped).toEqual(['kartu-a', 'karto-b']);
  });

  it('forgives nothing in words under four letters, and keeps the first letter', () => {
    // Act
    const short = searchCatalogue([cards], 'kar x');
    const firstLetter = searchCatalogue([cards], 'xartu');

    // Assert
    expect(short).toEqual([]);
    expect(firstLetter).toEqual([]);
  });
});
