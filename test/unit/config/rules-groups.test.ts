import { describe, expect, it } from 'vitest';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import { configFiles, text } from '../../fixtures/config';
import { exactly, issuesOf, type RuleCase } from './helpers';

const SITE = 'site.json';
const kependudukan = { id: 'kependudukan', name: text('Kependudukan', 'Civil Registration') };
const perjalanan = { id: 'perjalanan', name: text('Perjalanan', 'Travel') };

const cases: RuleCase[] = [
  {
    rule: '10 a group names agencies that exist',
    edit: (f) => {
      f.site.agencyGroups = [{ ...kependudukan, agencies: ['disdukcapil', 'samsat'] }];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[0].agencies[1]',
        message: "instansi 'samsat' tidak ada (kelompok 'kependudukan')",
      },
    ],
  },
  {
    rule: '10 an agency is in one group only',
    edit: (f) => {
      f.site.agencyGroups = [
        { ...kependudukan, agencies: ['disdukcapil', 'imigrasi'] },
        { ...perjalanan, agencies: ['imigrasi'] },
      ];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[1].agencies[0]',
        message:
          "instansi 'imigrasi' sudah ada di kelompok 'kependudukan' ($.agencyGroups[0].agencies[1]): satu instansi hanya boleh di satu kelompok",
      },
    ],
  },
  {
    rule: '10 an agency is named once in its group',
    edit: (f) => {
      f.site.agencyGroups = [{ ...kependudukan, agencies: ['disdukcapil', 'disdukcapil'] }];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[0].agencies[1]',
        message: "instansi 'disdukcapil' sudah disebut di kelompok ini",
      },
    ],
  },
  {
    rule: '10 a group is not empty',
    edit: (f) => {
      f.site.agencyGroups = [
        { ...kependudukan, agencies: ['disdukcapil'] },
        { ...perjalanan, agencies: [] },
      ];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[1].agencies',
        message: 'kelompok tanpa instansi: isi minimal satu instansi atau hapus kelompoknya',
      },
    ],
  },
  {
    rule: '10 group ids are unique',
    edit: (f) => {
      f.site.agencyGroups = [
        { ...kependudukan, agencies: ['disdukcapil'] },
        { ...kependudukan, agencies: ['imigrasi'] },
      ];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[1].id',
        message: "id kelompok 'kependudukan' sudah dipakai oleh $.agencyGroups[0]",
      },
    ],
  },
  {
    rule: '8 a group has its English name when the site offers English',
    edit: (f) => {
      f.site.agencyGroups = [
        { id: 'kependudukan', name: { id: 'Kependudukan' }, agencies: ['disdukcapil'] },
      ];
    },
    issues: [
      {
        file: SITE,
        path: '$.agencyGroups[0].name.en',
        message: 'teks bahasa Inggris (en) belum ada',
      },
    ],
  },
];

describe('cross-file rules: agency groups', () => {
  it.each(cases)('rule $rule', ({ edit, issues }) => {
    // Arrange
    const files = configFiles(edit);

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(exactly(issues));
  });

  it('accepts groups that leave some agencies out (they go under "Lainnya")', () => {
    // Arrange
    const files = configFiles((f) => {
      f.site.agencyGroups = [{ ...kependudukan, agencies: ['disdukcapil'] }];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(result.ok && result.bundle.site.agencyGroups?.[0]?.agencies).toEqual(['disdukcapil']);
  });
});
