import { describe, expect, it } from 'vitest';
import {
  formatTicketNumber,
  type QueueCursor,
  remainingInBlocks,
  takeNumber,
} from '../../../src/domain/numbering';

function cursor(overrides: Partial<QueueCursor> = {}): QueueCursor {
  return { blocks: [{ start: 1, end: 3 }], last: 0, emergencyLast: 0, ...overrides };
}

/** Takes `n` numbers in a row and returns what came out. */
function takeMany(start: QueueCursor, n: number) {
  const taken: { seq: number; emergency: boolean }[] = [];
  let c = start;
  for (let i = 0; i < n; i++) {
    const result = takeNumber(c);
    taken.push({ seq: result.seq, emergency: result.emergency });
    c = result.cursor;
  }
  return { taken, cursor: c };
}

describe('takeNumber', () => {
  it('starts at the first number of the block', () => {
    // Arrange
    const c = cursor({ blocks: [{ start: 101, end: 200 }] });

    // Act
    const result = takeNumber(c);

    // Assert
    expect(result.seq).toBe(101);
    expect(result.emergency).toBe(false);
    expect(result.cursor.last).toBe(101);
  });

  it('continues after the last number issued', () => {
    expect(takeNumber(cursor({ last: 2 })).seq).toBe(3);
  });

  it('does not change the cursor it was given', () => {
    // Arrange
    const c = cursor();
    const before = structuredClone(c);

    // Act
    takeNumber(c);

    // Assert
    expect(c).toEqual(before);
  });

  it('moves to the next block once one is used up, skipping the gap', () => {
    // Arrange
    const c = cursor({
      blocks: [
        { start: 1, end: 2 },
        { start: 51, end: 52 },
      ],
    });

    // Act
    const { taken } = takeMany(c, 4);

    // Assert
    expect(taken.map((t) => t.seq)).toEqual([1, 2, 51, 52]);
    expect(taken.every((t) => !t.emergency)).toBe(true);
  });

  it('uses blocks in ascending order whatever order they are listed in', () => {
    // Arrange
    const c = cursor({
      blocks: [
        { start: 51, end: 52 },
        { start: 1, end: 1 },
      ],
    });

    // Act
    const { taken } = takeMany(c, 3);

    // Assert
    expect(taken.map((t) => t.seq)).toEqual([1, 51, 52]);
  });

  it('skips a block that lies wholly below the last number issued', () => {
    // Arrange
    const c = cursor({
      blocks: [
        { start: 1, end: 10 },
        { start: 21, end: 30 },
      ],
      last: 10,
    });

    // Act
    const result = takeNumber(c);

    // Assert
    expect(result.seq).toBe(21);
  });

  it('switches to the emergency namespace when the blocks are used up', () => {
    // Arrange
    const c = cursor({ blocks: [{ start: 1, end: 2 }] });

    // Act
    const { taken, cursor: after } = takeMany(c, 4);

    // Assert
    expect(taken).toEqual([
      { seq: 1, emergency: false },
      { seq: 2, emergency: false },
      { seq: 1, emergency: true },
      { seq: 2, emergency: true },
    ]);
    expect(after).toEqual({ blocks: [{ start: 1, end: 2 }], last: 2, emergencyLast: 2 });
  });

  it('goes back to normal numbers when a new block arrives, never reusing old ones', () => {
    // Arrange
    const exhausted = cursor({ blocks: [{ start: 1, end: 2 }], last: 2, emergencyLast: 5 });
    const refilled = { ...exhausted, blocks: [...exhausted.blocks, { start: 41, end: 60 }] };

    // Act
    const result = takeNumber(refilled);

    // Assert
    expect(result).toMatchObject({ seq: 41, emergency: false });
    expect(result.cursor.emergencyLast).toBe(5);
  });

  it('issues emergency numbers when it has no blocks at all', () => {
    expect(takeNumber(cursor({ blocks: [] }))).toMatchObject({ seq: 1, emergency: true });
  });

  it('ignores malformed blocks', () => {
    // Arrange
    const c = cursor({
      blocks: [
        { start: 1.5, end: 9 },
        { start: 5, end: 4 },
      ],
    });

    // Act
    const result = takeNumber(c);

    // Assert
    expect(result.emergency).toBe(true);
  });

  it('treats a corrupt last as every block used up rather than restart at 1', () => {
    expect(takeNumber(cursor({ last: Number.NaN })).emergency).toBe(true);
  });
});

describe('remainingInBlocks', () => {
  it('counts what is left above last across blocks', () => {
    // Arrange
    const c = cursor({
      blocks: [
        { start: 1, end: 10 },
        { start: 21, end: 25 },
      ],
      last: 7,
    });

    // Act
    const remaining = remainingInBlocks(c);

    // Assert
    expect(remaining).toBe(3 + 5);
  });

  it('is 0 when the blocks are used up or absent', () => {
    expect(remainingInBlocks(cursor({ last: 3 }))).toBe(0);
    expect(remainingInBlocks(cursor({ blocks: [] }))).toBe(0);
  });

  it('counts overlapping blocks once', () => {
    expect(
      remainingInBlocks(
        cursor({
          blocks: [
            { start: 1, end: 10 },
            { start: 6, end: 12 },
          ],
        }),
      ),
    ).toBe(12);
  });
});

describe('formatTicketNumber', () => {
  it.each([
    [{ prefix: 'A', seq: 12, digits: 3 }, 'A-012'],
    [{ prefix: 'PH', seq: 1, digits: 3 }, 'PH-001'],
    [{ prefix: 'A', seq: 7, digits: 2 }, 'A-07'],
    [{ prefix: 'A', seq: 999, digits: 3 }, 'A-999'],
    [{ prefix: 'A', seq: 1000, digits: 3 }, 'A-1000'],
    [{ prefix: 'B', seq: 12, digits: 3, emergencyTag: 'K' }, 'B-K012'],
    [{ prefix: 'B', seq: 1234, digits: 3, emergencyTag: 'K' }, 'B-K1234'],
  ])('formats %j as %s', (input, expected) => {
    expect(formatTicketNumber(input)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses seq %p', (seq) => {
    expect(() => formatTicketNumber({ prefix: 'A', seq, digits: 3 })).toThrow(RangeError);
  });
});
