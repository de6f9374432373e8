import { describe, expect, it } from 'vitest';
import type { ConfigBundle } from '../../../src/domain/config/schema';
import { validateBundle, validateConfigFiles } from '../../../src/domain/config/validate';
import { configFiles } from '../../fixtures/config';
import { exactly, issuesOf } from './helpers';

function validBundle(): ConfigBundle {
  const result = validateConfigFiles(configFiles(), '1a2b3c4d5e6f');
  if (!result.ok) throw new Error('fixture must be valid');
  return structuredClone(result.bundle);
}

describe('validateBundle', () => {
  it('accepts a bundle built from valid files', () => {
    // Arrange
    const bundle = validBundle();

    // Act
    const result = validateBundle(JSON.parse(JSON.stringify(bundle)));

    // Assert
    expect(result).toEqual({ ok: true, bundle });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['a string', 'config'],
  ])('rejects %s without throwing', (_name, input) => {
    // Act
    const result = validateBundle(input);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'bundle', path: '$', message: 'harus objek' }]),
    );
  });

  it('rejects a bundle without agencies, naming the missing part', () => {
    // Arrange
    const { agencies: _agencies, ...rest } = validBundle();

    // Act
    const result = validateBundle(rest);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'bundle', path: '$.agencies', message: 'wajib diisi' }]),
    );
  });

  it('names the file a schema issue came from', () => {
    // Arrange
    const bundle = validBundle();
    const imigrasi = bundle.agencies[1];
    if (imigrasi) imigrasi.colour = 'hijau';

    // Act
    const result = validateBundle(bundle);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: 'agencies/imigrasi.json', path: '$.colour', message: 'warna #RRGGBB' }]),
    );
  });

  it('falls back to "bundle" when the file cannot be derived', () => {
    // Arrange
    const bundle: Record<string, unknown> = { ...validBundle() };
    bundle.visits = [{ id: 42 }];

    // Act
    const result = validateBundle(bundle);

    // Assert
    const issues = issuesOf(result);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.file === 'bundle' && i.path.startsWith('$.visits[0]'))).toBe(true);
  });

  it('applies the cross-file rules', () => {
    // Arrange
    const bundle = validBundle();
    const imigrasi = bundle.agencies[1];
    if (imigrasi) imigrasi.prefix = 'A';

    // Act
    const result = validateBundle(bundle);

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        {
          file: 'agencies/imigrasi.json',
          path: '$.prefix',
          message: "prefiks antrean 'A' sudah dipakai oleh agencies/disdukcapil.json",
        },
      ]),
    );
  });
});
