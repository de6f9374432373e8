// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../../src/domain/config/issues';
import { formatIssues } from '../../../src/domain/config/validate';
import { readConfigDir } from '../../../src/server/config/load-config';
import { configFiles } from '../../fixtures/config';
import { exactly, issuesOf, writeConfigDir } from './helpers';

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

async function versionOf(dir: string): Promise<string> {
  const result = await readConfigDir(dir);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.bundle.version;
}

describe('readConfigDir', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anjungan-config-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a valid dir into a bundle with a 12-hex version', async () => {
    // Arrange
    await writeConfigDir(dir, configFiles());

    // Act
    const result = await readConfigDir(dir);

    // Assert
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.bundle.version).toMatch(/^[0-9a-f]{12}$/);
    expect(result.bundle.agencies.map((a) => a.id)).toEqual(['disdukcapil', 'imigrasi']);
  });

  it('reports a JSON syntax error with file and line, and still checks the other files', async () => {
    // Arrange
    await writeConfigDir(dir, configFiles());
    await writeFile(
      join(dir, 'agencies/imigrasi.json'),
      '{\n  "id": "imigrasi",\n  "prefix": B\n}\n',
    );

    // Act
    const result = await readConfigDir(dir);

    // Assert: the profile and the visit still name imigrasi, and that is not reported.
    expect(issuesOf(result)).toEqual(
      exactly([
        {
          file: 'agencies/imigrasi.json',
          path: '$',
          message: 'JSON tidak valid di baris 3 kolom 13',
        },
      ]),
    );
  });

  it('reports an unknown file and ignores schema.json, hidden and non-JSON files', async () => {
    // Arrange
    const extra: ConfigFile[] = [
      { file: 'catatan.json', content: {} },
      { file: 'schema.json', content: {} },
      { file: '.vscode/settings.json', content: {} },
    ];
    await writeConfigDir(dir, [...configFiles(), ...extra]);
    await writeFile(join(dir, 'README.md'), '# kiosk-config\n');

    // Act
    const result = await readConfigDir(dir);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'catatan.json', path: '$', message: 'file tidak dikenal' }]),
    );
  });

  it('keeps the version under key reordering and whitespace, and changes it with the data', async () => {
    // Arrange
    await writeConfigDir(dir, configFiles());
    const before = await versionOf(dir);
    for (const { file, content } of configFiles()) {
      await writeFile(join(dir, file), JSON.stringify(reverseKeys(content)));
    }

    // Act
    const reordered = await versionOf(dir);
    await writeConfigDir(
      dir,
      configFiles((f) => f.site.holidays?.push('2026-12-25')),
    );
    const changed = await versionOf(dir);

    // Assert
    expect(reordered).toBe(before);
    expect(changed).not.toBe(before);
  });

  it('reports a missing dir', async () => {
    // Act
    const result = await readConfigDir(join(dir, 'tidak-ada'));

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: '.', path: '$', message: 'folder konfigurasi tidak ditemukan' }]),
    );
  });

  it('reports a dir without site.json', async () => {
    // Arrange
    await writeConfigDir(
      dir,
      configFiles().filter((f) => f.file !== 'site.json'),
    );

    // Act
    const result = await readConfigDir(dir);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'site.json', path: '$', message: 'tidak ada' }]),
    );
  });
});

describe('the sample sites', () => {
  it('./kiosk-config is valid', async () => {
    // Act
    const result = await readConfigDir('kiosk-config');

    // Assert
    expect(result.ok ? '' : formatIssues(result.issues)).toBe('');
  });

  it('the big one (test/fixtures/kiosk-config-besar) is valid, with every agency in a group', async () => {
    // Act
    const result = await readConfigDir('test/fixtures/kiosk-config-besar');

    // Assert
    expect(result.ok ? '' : formatIssues(result.issues)).toBe('');
    const bundle = result.ok ? result.bundle : null;
    const grouped = (bundle?.site.agencyGroups ?? []).flatMap((group) => group.agencies);
    expect(bundle?.agencies.length).toBeGreaterThanOrEqual(25);
    expect(bundle?.agencies.flatMap((a) => a.services).length).toBeGreaterThanOrEqual(100);
    expect(grouped.sort()).toEqual(bundle?.agencies.map((a) => a.id).sort());
  });
});
