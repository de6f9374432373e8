import { describe, expect, it } from 'vitest';
import { formatIssues, validateConfigFiles } from '../../../src/domain/config/validate';
import {
  agencyOf,
  configFiles,
  profileFixture,
  removeKey,
  setKey,
  visitFixture,
} from '../../fixtures/config';
import { exactly, issuesOf } from './helpers';

describe('validateConfigFiles', () => {
  it('accepts the fixture and builds a bundle sorted by id', () => {
    // Arrange
    const files = configFiles((f) => {
      f.agencies.reverse();
      f.profiles.push(profileFixture({ id: 'display-lobi', surface: 'display' }));
      setKey(f.site, '$schema', '../schema.json');
      f.site.city = '  Kota Contoh  ';
    });

    // Act
    const result = validateConfigFiles(files, '1a2b3c4d5e6f');

    // Assert
    if (!result.ok) throw new Error(formatIssues(result.issues));
    const { bundle } = result;
    expect(bundle.version).toBe('1a2b3c4d5e6f');
    expect(bundle.agencies.map((a) => a.id)).toEqual(['disdukcapil', 'imigrasi']);
    expect(bundle.profiles.map((p) => p.id)).toEqual(['display-lobi', 'kiosk-lobi']);
    expect(bundle.visits.map((v) => v.id)).toEqual(['sukamaju-2026-02-10']);
    expect(bundle.site).not.toHaveProperty('$schema');
    expect(bundle.site.city).toBe('Kota Contoh');
  });

  it('reports every issue at once, across files, sorted by file and path', () => {
    // Arrange
    const files = configFiles((f) => {
      removeKey(f.site, 'city');
      f.site.numbering.digits = 7;
      agencyOf(f, 'imigrasi').colour = 'hijau';
      f.profiles = [profileFixture({ agencies: ['bpjs-kesehatan'] })];
      f.visits = [visitFixture({ hours: { from: '13:00', to: '09:00' } })];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        { file: 'agencies/imigrasi.json', path: '$.colour', message: 'warna #RRGGBB' },
        { file: 'profiles/kiosk-lobi.json', path: '$.agencies[0]', message: 'tidak ada' },
        { file: 'site.json', path: '$.city', message: 'wajib diisi' },
        { file: 'site.json', path: '$.numbering.digits', message: 'maksimal 4' },
        { file: 'visits/sukamaju-2026-02-10.json', path: '$.hours', message: 'jam buka' },
      ]),
    );
  });

  it('reports a file outside the known layout and skips the generated schema.json', () => {
    // Arrange
    const files = [
      ...configFiles(),
      { file: 'layanan.json', content: {} },
      { file: 'agencies/lama/imigrasi.json', content: {} },
      { file: 'schema.json', content: { $schema: 'http://json-schema.org/draft-07/schema#' } },
    ];

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        { file: 'agencies/lama/imigrasi.json', path: '$', message: 'file tidak dikenal' },
        { file: 'layanan.json', path: '$', message: 'file tidak dikenal' },
      ]),
    );
  });

  it('reports an id that differs from the file name', () => {
    // Arrange
    const files = configFiles().map((f) =>
      f.file === 'agencies/imigrasi.json' ? { ...f, file: 'agencies/kanim.json' } : f,
    );

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        {
          file: 'agencies/kanim.json',
          path: '$.id',
          message: "id 'imigrasi' harus sama dengan nama file 'kanim.json'",
        },
      ]),
    );
  });

  it('reports a missing site.json', () => {
    // Arrange
    const files = configFiles().filter((f) => f.file !== 'site.json');

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'site.json', path: '$', message: 'file site.json tidak ada' }]),
    );
  });

  it('reports a config without any agency', () => {
    // Arrange
    const files = configFiles((f) => {
      f.agencies = [];
      f.profiles = [profileFixture({ agencies: undefined })];
      f.visits = [];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'agencies', path: '$', message: 'belum ada instansi' }]),
    );
  });

  it('reports a file given twice', () => {
    // Arrange
    const files = configFiles();
    const site = files.find((f) => f.file === 'site.json');
    if (site) files.push(site);

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(exactly([{ file: 'site.json', path: '$', message: 'ganda' }]));
  });
});

describe('formatIssues', () => {
  it('prints one line per issue, sorted by file then path, indexes by value', () => {
    // Arrange
    const issues = [
      { file: 'site.json', path: '$.city', message: 'wajib diisi' },
      { file: 'agencies/imigrasi.json', path: '$.services[10].id', message: 'b' },
      { file: 'agencies/imigrasi.json', path: '$.services[2].cost.legalBasis', message: 'a' },
    ];

    // Act
    const text = formatIssues(issues);

    // Assert
    expect(text).toBe(
      [
        'agencies/imigrasi.json $.services[2].cost.legalBasis: a',
        'agencies/imigrasi.json $.services[10].id: b',
        'site.json $.city: wajib diisi',
      ].join('\n'),
    );
  });
});
