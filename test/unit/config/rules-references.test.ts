import { describe, expect, it } from 'vitest';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import { configFiles, profileFixture, siteFixture, visitFixture } from '../../fixtures/config';
import {
  DUKCAPIL,
  dropEnglish,
  exactly,
  IMIGRASI,
  issuesOf,
  ktpEl,
  PROFILE,
  paspor,
  prerequisiteOf,
  type RuleCase,
  VISIT,
} from './helpers';

const cases: RuleCase[] = [
  {
    rule: '5 a prerequisite agency exists',
    edit: (f) => {
      prerequisiteOf(f).agency = 'bpjs-kesehatan';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prerequisites[0].agency',
        message: "instansi 'bpjs-kesehatan' tidak ada",
      },
    ],
  },
  {
    rule: "5 a prerequisite is not at the service's own agency",
    edit: (f) => {
      prerequisiteOf(f).agency = 'imigrasi';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prerequisites[0].agency',
        message: 'tidak boleh di instansi layanan ini sendiri',
      },
    ],
  },
  {
    rule: '5 a prerequisite service exists',
    edit: (f) => {
      prerequisiteOf(f).service = 'kk-baru';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prerequisites[0].service',
        message: "layanan 'kk-baru' tidak ada",
      },
    ],
  },
  {
    rule: '5 a prerequisite service belongs to the prerequisite agency',
    edit: (f) => {
      prerequisiteOf(f).service = 'paspor-baru';
    },
    issues: [
      {
        file: IMIGRASI,
        path: '$.services[0].prerequisites[0].service',
        message: `layanan 'paspor-baru' bukan milik instansi 'disdukcapil' (ada di ${IMIGRASI})`,
      },
    ],
  },
  {
    rule: '5b a service is served at another agency of the site',
    edit: (f) => {
      Object.assign(paspor(f), { servedAt: 'samsat' });
      Object.assign(ktpEl(f), { servedAt: 'disdukcapil' });
    },
    issues: [
      {
        file: DUKCAPIL,
        path: '$.services[0].servedAt',
        message: 'loket instansinya sendiri: hapus servedAt',
      },
      { file: IMIGRASI, path: '$.services[0].servedAt', message: "instansi 'samsat' tidak ada" },
    ],
  },
  {
    rule: '6 profile agencies exist',
    edit: (f) => {
      f.profiles = [profileFixture({ agencies: ['disdukcapil', 'bpjs-kesehatan'] })];
    },
    issues: [
      { file: PROFILE, path: '$.agencies[1]', message: "instansi 'bpjs-kesehatan' tidak ada" },
    ],
  },
  {
    rule: '6 profile agencies are listed once',
    edit: (f) => {
      f.profiles = [profileFixture({ agencies: ['disdukcapil', 'imigrasi', 'disdukcapil'] })];
    },
    issues: [
      {
        file: PROFILE,
        path: '$.agencies[2]',
        message: "instansi 'disdukcapil' sudah disebut di $.agencies[0]",
      },
    ],
  },
  {
    rule: '7 visit services exist',
    edit: (f) => {
      f.visits = [visitFixture({ services: [{ service: 'kk-baru', quota: 10 }] })];
    },
    issues: [
      { file: VISIT, path: '$.services[0].service', message: "layanan 'kk-baru' tidak ada" },
    ],
  },
  {
    rule: '7 visit services are offered at "mobile"',
    edit: (f) => {
      f.visits = [visitFixture({ services: [{ service: 'ktp-el', quota: 10 }] })];
    },
    issues: [
      {
        file: VISIT,
        path: '$.services[0].service',
        message: "layanan 'ktp-el' tidak ditawarkan di MPP bergerak",
      },
    ],
  },
  {
    rule: '7 visit services are listed once',
    edit: (f) => {
      const services = [
        { service: 'akta-kelahiran', quota: 30 },
        { service: 'akta-kelahiran', quota: 5 },
      ];
      f.visits = [visitFixture({ services })];
    },
    issues: [
      {
        file: VISIT,
        path: '$.services[1].service',
        message: "layanan 'akta-kelahiran' sudah disebut di $.services[0]",
      },
    ],
  },
  {
    rule: '8 with "en", every text has en (site, nested requirement, cost item, prerequisite)',
    edit: (f) => {
      dropEnglish(f.site.name);
      dropEnglish(ktpEl(f).requirements[2]?.anyOf?.[0]?.label);
      const cost = paspor(f).cost;
      if (cost.kind === 'fixed') dropEnglish(cost.items[0]?.label);
      dropEnglish(prerequisiteOf(f).note);
    },
    issues: [
      { file: 'site.json', path: '$.name.en', message: 'bahasa Inggris (en) belum ada' },
      {
        file: DUKCAPIL,
        path: '$.services[0].requirements[2].anyOf[0].label.en',
        message: 'bahasa Inggris (en) belum ada',
      },
      { file: IMIGRASI, path: '$.services[0].cost.items[0].label.en', message: '(en) belum ada' },
      { file: IMIGRASI, path: '$.services[0].prerequisites[0].note.en', message: '(en) belum ada' },
    ],
  },
  {
    rule: '9 holidays unique',
    edit: (f) => {
      f.site = siteFixture({ holidays: ['2026-01-01', '2026-03-20', '2026-01-01'] });
    },
    issues: [
      {
        file: 'site.json',
        path: '$.holidays[2]',
        message: "hari libur '2026-01-01' sudah ada di $.holidays[0]",
      },
    ],
  },
];

describe('cross-file rules: references, English texts and holidays', () => {
  it.each(cases)('rule $rule', ({ edit, issues }) => {
    // Arrange
    const files = configFiles(edit);

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(exactly(issues));
  });

  it('rule 8 asks for no English when the site offers only Indonesian', () => {
    // Arrange
    const files = configFiles((f) => {
      f.site.languages = ['id'];
      dropEnglish(f.site.name);
      dropEnglish(ktpEl(f).name);
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(result.ok).toBe(true);
  });
});
