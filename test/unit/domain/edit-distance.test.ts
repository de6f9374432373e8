import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/domain/edit-distance';

describe('editDistance', () => {
  it.each([
    ['paspor', 'paspor', 0],
    ['pasapor', 'paspor', 1],
    ['pasprot', 'paspor', 2],
    ['paspr', 'paspor', 1],
    ['kelaurga', 'keluarga', 1],
    ['', 'ktp', 3],
    ['akta', 'akte', 1],
  ])('counts the slips between %s and %s: %i', (a, b, expected) => {
    // Act
    const distance = editDistance(a, b);

    // Assert
    expect(distance).toBe(expected);
  });

  it('counts a swap of two neighbours as one slip', () => {
    // Act
    const swapped = editDistance('ktp', 'tkp');

    // Assert
    expect(swapped).toBe(1);
  });

  it('stops at limit + 1 once the answer is certain to exceed the limit', () => {
    // Act
    const far = editDistance('imigrasi', 'samsat', 1);
    const unequal = editDistance('a', 'abcdef', 2);

    // Assert
    expect(far).toBe(2);
    expect(unequal).toBe(3);
  });
});
