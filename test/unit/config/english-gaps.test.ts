/**
 * Citizen texts an English-speaking site still has in Indonesian only: a zone in words,
 * a complaints desk without `en` — warnings with their paths, never a refusal; a zone
 * given as a LocalText without `en` is an error like every LocalText (rule 8).
 */
import { describe, expect, it } from 'vitest';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import { agencyOf, configFiles } from '../../fixtures/config';
import { DUKCAPIL, exactly, IMIGRASI, issuesOf, ktpEl } from './helpers';

describe('English forms of citizen texts', () => {
  it('warns of a zone in words and of each complaints desk without English, by path', () => {
    // Arrange
    const files = configFiles((f) => {
      agencyOf(f, 'disdukcapil').zone = 'Zona D, lantai 2';
      agencyOf(f, 'imigrasi').zone = 'B2';
      agencyOf(f, 'imigrasi').complaints.push(
        { kind: 'desk', value: 'Meja pengaduan, lantai 1' },
        { kind: 'desk', value: 'Meja informasi', en: 'Information desk' },
      );
      ktpEl(f).complaints = [{ kind: 'desk', value: 'Loket pengaduan Disdukcapil' }];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(result.ok).toBe(true);
    expect(result.ok && result.untranslated).toEqual(
      exactly([
        { file: DUKCAPIL, path: '$.zone', message: 'letak loket hanya dalam bahasa Indonesia' },
        {
          file: DUKCAPIL,
          path: '$.services[0].complaints[0].en',
          message: 'meja pengaduan hanya dalam bahasa Indonesia',
        },
        {
          file: IMIGRASI,
          path: '$.complaints[1].en',
          message: 'meja pengaduan hanya dalam bahasa Indonesia',
        },
      ]),
    );
  });

  it('warns of nothing when every text has its English, or the site offers only Indonesian', () => {
    // Arrange
    const english = configFiles((f) => {
      agencyOf(f, 'disdukcapil').zone = { id: 'Zona D, lantai 2', en: 'Zone D, 2nd floor' };
      agencyOf(f, 'imigrasi').zone = 'C';
    });
    const indonesianOnly = configFiles((f) => {
      f.site.languages = ['id'];
      agencyOf(f, 'disdukcapil').zone = 'Zona D, lantai 2';
      agencyOf(f, 'imigrasi').complaints.push({ kind: 'desk', value: 'Meja pengaduan' });
    });

    // Act
    const results = [english, indonesianOnly].map((files) => validateConfigFiles(files, 'test'));

    // Assert
    expect(results.map((r) => r.ok && r.untranslated)).toEqual([[], []]);
  });

  it('refuses a zone given in both-language form without its English (rule 8)', () => {
    // Arrange
    const files = configFiles((f) => {
      agencyOf(f, 'disdukcapil').zone = { id: 'Zona D, lantai 2' };
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([{ file: DUKCAPIL, path: '$.zone.en', message: 'bahasa Inggris (en) belum ada' }]),
    );
  });
});
