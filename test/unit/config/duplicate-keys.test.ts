// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfigDir } from '../../../src/server/config/load-config';
import {
  agencyOf,
  type ConfigFixture,
  configFiles,
  serviceFixture,
  setKey,
  text,
} from '../../fixtures/config';
import {
  DUKCAPIL,
  type ExpectedIssue,
  exactly,
  IMIGRASI,
  issuesOf,
  PROFILE,
  repeatKey,
  VISIT,
  writeConfigDir,
} from './helpers';

const TWICE = 'properti ganda, ditulis 2 kali';

/** disdukcapil with four services; the fourth, `$.services[3]`, has its own prefix AP. */
function fourthService(f: ConfigFixture): object {
  const fourth = serviceFixture({ id: 'pindah', name: text('Pindah', 'Moving'), prefix: 'AP' });
  const third = serviceFixture({ id: 'kia', name: text('KIA', 'Child ID card') });
  agencyOf(f, 'disdukcapil').services.push(third, fourth);
  return fourth;
}

type Case = { name: string; edit: (f: ConfigFixture) => void; issues: ExpectedIssue[] };

const cases: Case[] = [
  {
    name: 'a key of site.json',
    edit: (f) => repeatKey(f.site, 'city', 'Kota Lain'),
    issues: [{ file: 'site.json', path: '$.city', message: TWICE }],
  },
  {
    name: "a key in an agency's fourth service",
    edit: (f) => repeatKey(fourthService(f), 'prefix', 'AQ'),
    issues: [{ file: DUKCAPIL, path: '$.services[3].prefix', message: TWICE }],
  },
  {
    name: "a key of a profile's nested object",
    edit: (f) => repeatKey(f.profiles[0]?.printer as object, 'paperWidth', 58),
    issues: [{ file: PROFILE, path: '$.printer.paperWidth', message: TWICE }],
  },
  {
    name: "a key in a visit's array of objects",
    edit: (f) => repeatKey(f.visits[0]?.services[0] as object, 'quota', 10),
    issues: [{ file: VISIT, path: '$.services[0].quota', message: TWICE }],
  },
  {
    name: 'the $schema hint, which the bundle drops',
    edit: (f) => {
      setKey(f.site, '$schema', './schema.json');
      repeatKey(f.site, '$schema', './schema.json');
    },
    issues: [{ file: 'site.json', path: '$.$schema', message: TWICE }],
  },
  {
    name: 'a key spelled with an escape ("pre\\u0066ix" is "prefix")',
    edit: (f) => repeatKey(agencyOf(f, 'disdukcapil'), 'pre\\u0066ix', 'A'),
    issues: [{ file: DUKCAPIL, path: '$.prefix', message: TWICE }],
  },
];

describe('readConfigDir on duplicate keys', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anjungan-duplicates-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(cases)('refuses $name with file and JSON path', async ({ edit, issues }) => {
    // Arrange
    await writeConfigDir(dir, configFiles(edit));

    // Act
    const result = await readConfigDir(dir);

    // Assert
    expect(issuesOf(result)).toEqual(exactly(issues));
  });

  it('reports every duplicate of a file and still checks the rest of it', async () => {
    // Arrange
    const files = configFiles((f) => {
      repeatKey(f.site, 'city', 'Kota Lain');
      repeatKey(f.site.numbering, 'digits', 4);
      repeatKey(f.site.numbering, 'digits', 3);
      f.site.address = '';
    });
    await writeConfigDir(dir, files);

    // Act
    const result = await readConfigDir(dir);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        { file: 'site.json', path: '$.city', message: TWICE },
        { file: 'site.json', path: '$.numbering.digits', message: 'ditulis 3 kali' },
        { file: 'site.json', path: '$.address', message: 'tidak boleh kosong' },
      ]),
    );
  });

  it('checks the value JSON.parse keeps, the last one, against the other files', async () => {
    // Arrange: imigrasi's prefix B written again as A, disdukcapil's prefix.
    await writeConfigDir(
      dir,
      configFiles((f) => repeatKey(agencyOf(f, 'imigrasi'), 'prefix', 'A')),
    );

    // Act
    const result = await readConfigDir(dir);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        { file: IMIGRASI, path: '$.prefix', message: TWICE },
        { file: IMIGRASI, path: '$.prefix', message: `prefiks antrean 'A' sudah dipakai` },
      ]),
    );
  });
});
