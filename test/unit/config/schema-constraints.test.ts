import { describe, expect, it } from 'vitest';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import {
  agencyOf,
  type ConfigFixture,
  configFiles,
  removeKey,
  serviceOf,
  setKey,
  visitFixture,
} from '../../fixtures/config';
import { type ExpectedIssue, exactly, issuesOf } from './helpers';

type SchemaCase = { constraint: string; edit: (f: ConfigFixture) => void; issues: ExpectedIssue[] };

const DUKCAPIL = 'agencies/disdukcapil.json';
const IMIGRASI = 'agencies/imigrasi.json';

const paspor = (f: ConfigFixture) => serviceOf(f, 'imigrasi', 'paspor-baru');

const cases: SchemaCase[] = [
  {
    constraint: 'a mandatory field is missing',
    edit: (f) => removeKey(agencyOf(f, 'imigrasi'), 'colour'),
    issues: [{ file: IMIGRASI, path: '$.colour', message: 'wajib diisi' }],
  },
  {
    constraint: 'a field has the wrong type',
    edit: (f) => setKey(agencyOf(f, 'imigrasi'), 'counters', '2'),
    issues: [{ file: IMIGRASI, path: '$.counters', message: 'harus angka' }],
  },
  {
    // disdukcapil no longer parses: references to it (profile, visit, prerequisite) stay quiet.
    constraint: 'a queue prefix is not 1–3 capital letters',
    edit: (f) => {
      agencyOf(f, 'disdukcapil').prefix = 'a1';
    },
    issues: [{ file: DUKCAPIL, path: '$.prefix', message: 'prefiks 1–3 huruf kapital' }],
  },
  {
    constraint: 'visit hours end before they start',
    edit: (f) => {
      f.visits = [visitFixture({ hours: { from: '12:00', to: '08:00' } })];
    },
    issues: [
      {
        file: 'visits/sukamaju-2026-02-10.json',
        path: '$.hours',
        message: 'jam buka harus sebelum jam tutup',
      },
    ],
  },
  {
    constraint: 'opening hours open and close at the same time',
    edit: (f) => {
      f.site.openingHours = [{ days: ['mon'], from: '08:00', to: '08:00' }];
    },
    issues: [
      { file: 'site.json', path: '$.openingHours[0]', message: 'jam buka harus sebelum jam tutup' },
    ],
  },
  {
    constraint: 'an unknown key in a strict object',
    edit: (f) => setKey(serviceOf(f, 'disdukcapil', 'ktp-el'), 'biaya', 0),
    issues: [{ file: DUKCAPIL, path: '$.services[0].biaya', message: 'properti tidak dikenal' }],
  },
  {
    constraint: 'a fixed cost without legal basis',
    edit: (f) => removeKey(paspor(f).cost, 'legalBasis'),
    issues: [{ file: IMIGRASI, path: '$.services[0].cost.legalBasis', message: 'wajib diisi' }],
  },
  {
    constraint: 'a legal basis of blanks only',
    edit: (f) => {
      paspor(f).cost.legalBasis = '   ';
    },
    issues: [
      { file: IMIGRASI, path: '$.services[0].cost.legalBasis', message: 'tidak boleh kosong' },
    ],
  },
  {
    constraint: 'an anyOf with a single option',
    edit: (f) => {
      serviceOf(f, 'disdukcapil', 'ktp-el').requirements[2]?.anyOf?.pop();
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].requirements[2].anyOf',
        message: 'pilihan alternatif minimal 2',
      },
    ],
  },
  {
    constraint: 'a time zone outside WIB/WITA/WIT',
    edit: (f) => setKey(f.site, 'timeZone', 'Asia/Bali'),
    issues: [
      {
        file: 'site.json',
        path: '$.timeZone',
        message: 'harus salah satu dari "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"',
      },
    ],
  },
  {
    constraint: 'languages without "id"',
    edit: (f) => {
      f.site.languages = ['en'];
    },
    issues: [
      { file: 'site.json', path: '$.languages', message: 'bahasa Indonesia (id) wajib ada' },
    ],
  },
  {
    constraint: 'a colour that is not #RRGGBB',
    edit: (f) => {
      agencyOf(f, 'imigrasi').colour = 'green';
    },
    issues: [{ file: IMIGRASI, path: '$.colour', message: 'warna #RRGGBB' }],
  },
];

describe('schema constraints', () => {
  it.each(cases)('reports $constraint', ({ edit, issues }) => {
    // Arrange
    const files = configFiles(edit);

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(exactly(issues));
  });

  it('reports a file that is not a JSON object once, not field by field', () => {
    // Arrange
    const files = configFiles().map((f) =>
      f.file === 'profiles/kiosk-lobi.json' ? { ...f, content: ['kiosk'] } : f,
    );

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'profiles/kiosk-lobi.json', path: '$', message: 'harus objek JSON' }]),
    );
  });
});
