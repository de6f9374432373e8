import { describe, expect, it } from 'vitest';
import { validateBundle, validateConfigFiles } from '../../../src/domain/config/validate';
import { agencyOf, configFiles, text } from '../../fixtures/config';
import {
  DUKCAPIL,
  exactly,
  IMIGRASI,
  issuesOf,
  ktpEl,
  PROFILE,
  paspor,
  type RuleCase,
  VISIT,
} from './helpers';

const cases: RuleCase[] = [
  {
    rule: '1 service ids unique site-wide',
    edit: (f) => {
      paspor(f).id = 'akta-kelahiran';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].id',
        message: `id layanan 'akta-kelahiran' sudah dipakai oleh ${DUKCAPIL} $.services[1]`,
      },
    ],
  },
  {
    rule: '2 agency prefixes unique',
    edit: (f) => {
      agencyOf(f, 'imigrasi').prefix = 'A';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.prefix',
        message: `prefiks antrean 'A' sudah dipakai oleh ${DUKCAPIL}`,
      },
    ],
  },
  {
    rule: "2 a service's own prefix differs from every other prefix",
    edit: (f) => {
      paspor(f).prefix = 'AK';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prefix',
        message: `prefiks antrean 'AK' sudah dipakai oleh layanan 'akta-kelahiran' (${DUKCAPIL})`,
      },
    ],
  },
  {
    rule: '3 requirement ids unique within a service',
    edit: (f) => {
      const requirement = ktpEl(f).requirements[2];
      if (requirement) requirement.id = 'kk';
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].requirements[2].id',
        message: "id persyaratan 'kk' sudah dipakai",
      },
    ],
  },
  {
    rule: '3 anyOf option ids unique within a requirement',
    edit: (f) => {
      const option = ktpEl(f).requirements[2]?.anyOf?.[1];
      if (option) option.id = 'ktp-lama';
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].requirements[2].anyOf[1].id',
        message: "id pilihan 'ktp-lama' sudah dipakai",
      },
    ],
  },
  {
    rule: '4 question ids unique within a service',
    edit: (f) => {
      ktpEl(f).questions?.push({ id: 'ktp-hilang', text: text('Hilang?', 'Lost?') });
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].questions[1].id',
        message: "id pertanyaan 'ktp-hilang' sudah dipakai oleh $.services[0].questions[0]",
      },
    ],
  },
  {
    rule: '4 when.question names a question of the same service',
    edit: (f) => {
      ktpEl(f).requirements.push({
        id: 'surat-rusak',
        label: text('KTP-el yang rusak', 'The damaged e-KTP'),
        mandatory: true,
        when: { question: 'ktp-rusak', answer: true },
      });
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].requirements[3].when.question',
        message: "pertanyaan 'ktp-rusak' tidak ada",
      },
    ],
  },
  {
    rule: '4 a prerequisite when.question names a question of the same service',
    edit: (f) => {
      paspor(f).prerequisites = [
        {
          agency: 'disdukcapil',
          note: text('Perbarui KK dulu', 'Update the family card first'),
          when: { question: 'pindah-alamat', answer: true },
        },
      ];
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prerequisites[0].when.question',
        message: "pertanyaan 'pindah-alamat' tidak ada",
      },
    ],
  },
  {
    rule: '4 every question is used by a requirement',
    edit: (f) => {
      ktpEl(f).questions?.push({ id: 'sudah-menikah', text: text('Sudah menikah?', 'Married?') });
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].questions[1]',
        message: "pertanyaan 'sudah-menikah' tidak dipakai",
      },
    ],
  },
];

describe('cross-file rules: ids, prefixes, requirements and questions', () => {
  it.each(cases)('rule $rule', ({ edit, issues }) => {
    // Arrange
    const files = configFiles(edit);

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(exactly(issues));
  });

  it('rule 1 agency, profile and visit ids are unique (bundle with repeated entries)', () => {
    // Arrange
    const valid = validateConfigFiles(configFiles(), 'v1');
    if (!valid.ok) throw new Error('fixture must be valid');
    const { profiles, visits } = valid.bundle;
    const bundle = {
      ...valid.bundle,
      profiles: [...profiles, ...profiles],
      visits: [...visits, ...visits],
    };

    // Act
    const result = validateBundle(bundle);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        {
          file: PROFILE,
          path: '$.id',
          message: `id profil 'kiosk-lobi' sudah dipakai oleh ${PROFILE}`,
        },
        { file: VISIT, path: '$.id', message: "id kunjungan 'sukamaju-2026-02-10' sudah dipakai" },
      ]),
    );
  });
});
