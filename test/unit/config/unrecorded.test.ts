/** "belum-dicatat": parts of a service not recorded yet, read as honest words and warned of. */
import { describe, expect, it } from 'vitest';
import { UNRECORDED_TEXT } from '../../../src/domain/config/schema';
import { unrecordedIn } from '../../../src/domain/config/unrecorded';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import { formatCost } from '../../../src/domain/format';
import { checkRequirements, EMPTY_ANSWERS } from '../../../src/domain/requirements';
import { type ConfigFixture, configFiles, serviceOf, setKey } from '../../fixtures/config';

const unrecorded = (part: string) => (f: ConfigFixture) =>
  setKey(serviceOf(f, 'imigrasi', 'paspor-baru'), part, 'belum-dicatat');

describe('unrecorded parts of a service', () => {
  it('are read as "ask at the counter" and listed as warnings, not errors', () => {
    // Arrange: the passport's cost, duration, product and procedure not recorded yet.
    const files = configFiles((f) => {
      for (const part of ['cost', 'duration', 'product', 'procedure']) unrecorded(part)(f);
    });

    // Act
    const result = validateConfigFiles(files, 'v1');

    // Assert
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const paspor = result.bundle.agencies
      .find((a) => a.id === 'imigrasi')
      ?.services.find((s) => s.id === 'paspor-baru');
    expect(formatCost(paspor?.cost ?? { kind: 'free' }, 'id').lines).toEqual([
      'Belum dicatat — tanyakan di loket',
    ]);
    expect(formatCost(paspor?.cost ?? { kind: 'free' }, 'en').lines).toEqual([
      'Not recorded yet — ask at the counter',
    ]);
    expect(paspor?.duration).toEqual(UNRECORDED_TEXT);
    expect(paspor?.procedure).toEqual([UNRECORDED_TEXT]);
    expect(result.warnings?.map((w) => w.path)).toEqual([
      '$.services[0].cost',
      '$.services[0].duration',
      '$.services[0].procedure',
      '$.services[0].product',
    ]);
    expect(unrecordedIn(result.bundle.agencies).map((w) => w.path)).toEqual(
      result.warnings?.map((w) => w.path),
    );
  });

  it('leave a misspelled marker or an unrecorded name an error, as before', () => {
    const misspelled = validateConfigFiles(
      configFiles((f) => setKey(serviceOf(f, 'imigrasi', 'paspor-baru'), 'cost', 'belum dicatat')),
      'v1',
    );
    const name = validateConfigFiles(
      configFiles((f) => setKey(serviceOf(f, 'imigrasi', 'paspor-baru'), 'name', 'belum-dicatat')),
      'v1',
    );

    expect(misspelled.ok).toBe(false);
    expect(name.ok).toBe(false);
  });

  it('read an unrecorded requirement list as one line saying so, which the checklist does not ask', () => {
    const result = validateConfigFiles(configFiles(unrecorded('requirements')), 'v1');

    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const paspor = result.bundle.agencies
      .find((a) => a.id === 'imigrasi')
      ?.services.find((s) => s.id === 'paspor-baru');
    if (!paspor) throw new Error('no paspor-baru');
    const check = checkRequirements(paspor, EMPTY_ANSWERS);
    expect(paspor.requirements.map((r) => r.label)).toEqual([UNRECORDED_TEXT]);
    expect(check.applicable).toEqual([]);
    expect(check.complete).toBe(true);
    expect(result.warnings?.map((w) => w.path)).toEqual(['$.services[0].requirements']);
    expect(unrecordedIn(result.bundle.agencies).map((w) => w.path)).toEqual([
      '$.services[0].requirements',
    ]);
  });
});
