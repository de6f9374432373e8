import { describe, expect, it } from 'vitest';
import { localized } from '../../../src/domain/i18n/local-text';

describe('localized', () => {
  const text = { id: 'Ambil Nomor Antrean', en: 'Take a queue number' };

  it('gives Indonesian when Indonesian is asked', () => {
    // Act
    const result = localized(text, 'id');

    // Assert
    expect(result).toBe('Ambil Nomor Antrean');
  });

  it('gives English when asked and present', () => {
    // Act
    const result = localized(text, 'en');

    // Assert
    expect(result).toBe('Take a queue number');
  });

  it('falls back to Indonesian when English is missing', () => {
    // Arrange
    const indonesianOnly = { id: 'Kartu Keluarga' };

    // Act
    const result = localized(indonesianOnly, 'en');

    // Assert
    expect(result).toBe('Kartu Keluarga');
  });
});
