import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTicketNumber,
  type NumberBlock,
  type QueueCursor,
  remainingInBlocks,
  takeNumber,
} from '../../src/domain/numbering';
import { emergencyTagAt } from '../../src/server/store/emergency-tag';

const SEED = 20251103;

/** Up to five blocks, possibly overlapping or unsorted, inside 1..500. */
const blocksArb: fc.Arbitrary<NumberBlock[]> = fc.array(
  fc
    .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 40 }))
    .map(([start, len]) => ({ start, end: start + len })),
  { maxLength: 5 },
);

function inBlocks(seq: number, blocks: readonly NumberBlock[]): boolean {
  return blocks.some((b) => b.start <= seq && seq <= b.end);
}

/** Takes `n` numbers in a row; returns each result and the final cursor. */
function takeMany(start: QueueCursor, n: number) {
  const taken: { seq: number; emergency: boolean }[] = [];
  let cursor = start;
  for (let i = 0; i < n; i++) {
    const result = takeNumber(cursor);
    taken.push({ seq: result.seq, emergency: result.emergency });
    cursor = result.cursor;
  }
  return { taken, cursor };
}

describe('numbering properties', () => {
  it('never repeats a number and stays inside the blocks unless in emergency (I3, I8)', () => {
    fc.assert(
      fc.property(
        blocksArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        (blocks, last, n) => {
          // Arrange
          const start: QueueCursor = { blocks, last, emergencyLast: 0 };

          // Act
          const { taken } = takeMany(start, n);

          // Assert
          const normal = taken.filter((t) => !t.emergency).map((t) => t.seq);
          const emergency = taken.filter((t) => t.emergency).map((t) => t.seq);
          expect(new Set(normal).size).toBe(normal.length);
          expect(new Set(emergency).size).toBe(emergency.length);
          for (const seq of normal) {
            expect(seq).toBeGreaterThan(last);
            expect(inBlocks(seq, blocks)).toBe(true);
          }
        },
      ),
      { seed: SEED },
    );
  });

  it('issues exactly remainingInBlocks normal numbers before the first emergency one', () => {
    fc.assert(
      fc.property(blocksArb, fc.integer({ min: 0, max: 600 }), (blocks, last) => {
        // Arrange
        const start: QueueCursor = { blocks, last, emergencyLast: 0 };
        const remaining = remainingInBlocks(start);

        // Act
        const { taken } = takeMany(start, remaining + 1);

        // Assert
        expect(taken.slice(0, remaining).every((t) => !t.emergency)).toBe(true);
        expect(taken[remaining]?.emergency).toBe(true);
      }),
      { seed: SEED },
    );
  });

  it('never collides across devices with disjoint blocks, in or out of emergency', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.nat(), { maxLength: 400 }),
        (slots, blockSize, picks) => {
          // Arrange: each device holds its own block and tag (A…Z, AA…); `picks` interleaves
          // who issues next.
          const cursors = slots.map(
            (slot): QueueCursor => ({
              blocks: [{ start: (slot - 1) * blockSize + 1, end: slot * blockSize }],
              last: 0,
              emergencyLast: 0,
            }),
          );
          const printed: string[] = [];

          // Act
          for (const pick of picks) {
            const i = pick % slots.length;
            const result = takeNumber(cursors[i] as QueueCursor);
            cursors[i] = result.cursor;
            const tag = result.emergency ? emergencyTagAt((slots[i] as number) - 1) : undefined;
            printed.push(
              formatTicketNumber({ prefix: 'A', seq: result.seq, digits: 3, emergencyTag: tag }),
            );
          }

          // Assert
          expect(new Set(printed).size).toBe(printed.length);
        },
      ),
      { seed: SEED },
    );
  });
});
