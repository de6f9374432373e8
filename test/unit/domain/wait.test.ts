import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from '../../../src/domain/wait';

describe('estimateWaitMinutes', () => {
  it('is 0 when nobody is ahead', () => {
    expect(estimateWaitMinutes({ ahead: 0, averageServiceMinutes: 12, counters: 3 })).toBe(0);
  });

  it.each([
    // ahead, average, counters → minutes
    [1, 1, 1, 5], // 1 → 5
    [1, 5, 1, 5], // exactly 5 stays 5
    [1, 6, 1, 10], // 6 → 10
    [4, 10, 2, 20], // 20 stays 20
    [3, 7, 2, 15], // 10.5 → 11 → 15
    [10, 4, 3, 15], // 13.33 → 14 → 15
    [1, 0.5, 4, 5], // 0.125 → 1 → 5
  ])('%i ahead × %p min over %i counters is %i minutes', (ahead, avg, counters, expected) => {
    expect(estimateWaitMinutes({ ahead, averageServiceMinutes: avg, counters })).toBe(expected);
  });

  it('treats zero or negative counters as one counter', () => {
    // Arrange
    const input = { ahead: 3, averageServiceMinutes: 10 };

    // Act
    const none = estimateWaitMinutes({ ...input, counters: 0 });
    const negative = estimateWaitMinutes({ ...input, counters: -2 });

    // Assert
    expect(none).toBe(30);
    expect(negative).toBe(30);
  });

  it('does not add a step for float noise', () => {
    // 50 × 1.1 is 55.00000000000001 in floating point.
    expect(estimateWaitMinutes({ ahead: 50, averageServiceMinutes: 1.1, counters: 1 })).toBe(55);
  });

  it('grows with the number of people ahead and shrinks with more counters', () => {
    // Arrange
    const few = { ahead: 5, averageServiceMinutes: 8, counters: 2 };

    // Act
    const base = estimateWaitMinutes(few);
    const more = estimateWaitMinutes({ ...few, ahead: 50 });
    const faster = estimateWaitMinutes({ ...few, counters: 8 });

    // Assert
    expect(more).toBeGreaterThan(base);
    expect(faster).toBeLessThan(base);
  });

  it.each([
    { ahead: -1, averageServiceMinutes: 10, counters: 1 },
    { ahead: Number.NaN, averageServiceMinutes: 10, counters: 1 },
    { ahead: 3, averageServiceMinutes: Number.NaN, counters: 1 },
    { ahead: 3, averageServiceMinutes: -4, counters: 1 },
  ])('is 0, never negative or NaN, for nonsense input %j', (input) => {
    expect(estimateWaitMinutes(input)).toBe(0);
  });
});
