/**
 * Printed ticket numbers. A ticket's identity is its event id; the number ("A-012") is
 * an attribute unique per (site, business day, prefix). Uniqueness across partitioned
 * devices comes only from coordination done in advance: each device issues from number
 * blocks the site server leased to it, then from its own emergency namespace ("A-K001").
 * Must:
 * - `takeNumber` never returns a number twice for one cursor: seqs strictly increase.
 * - A non-emergency seq always lies inside one of the cursor's blocks.
 * - Emergency seqs are unique only together with the device's emergency tag.
 * - Blocks are never reused: a block below `last` counts as used up.
 * - Never guess a number from "max seen + 1" across devices.
 */

/**
 * The highest seq a number may carry in one (site, day, prefix): 6 digits. The server never
 * leases past it and refuses pushed tickets beyond it, so no request can drive a queue's
 * number head out of range (the printed form allows 2–6 digits).
 */
export const MAX_TICKET_SEQ = 999_999;

/**
 * The most numbers of one (day, prefix) one device is granted in all: far above what one
 * kiosk issues in a day (an MPP serves a few thousand people a day in all), low enough that
 * no device can use up a queue's numbers by asking. Past it, the device issues from its
 * own emergency namespace, as when the server is away.
 */
export function deviceShare(deviceBlockSize: number): number {
  return Math.max(2_000, 20 * deviceBlockSize);
}

/** Inclusive, 1-based range of seqs reserved in advance for one device. */
export type NumberBlock = { start: number; end: number };

/** Where a device stands in one queue: its blocks, the last seq issued from them, and the last emergency seq. */
export type QueueCursor = { blocks: NumberBlock[]; last: number; emergencyLast: number };

/** Takes the next number: the lowest seq above `last` in the blocks, else an emergency seq. */
export function takeNumber(cursor: QueueCursor): {
  cursor: QueueCursor;
  seq: number;
  emergency: boolean;
} {
  const seq = nextInBlocks(cursor);
  if (seq !== null) return { cursor: { ...cursor, last: seq }, seq, emergency: false };
  const emergencySeq = Math.max(0, Math.floor(cursor.emergencyLast)) + 1;
  return { cursor: { ...cursor, emergencyLast: emergencySeq }, seq: emergencySeq, emergency: true };
}

/** How many numbers the blocks still hold above `last` (overlapping blocks counted once). */
export function remainingInBlocks(cursor: QueueCursor): number {
  let floor = firstFree(cursor);
  let remaining = 0;
  for (const block of usableBlocks(cursor.blocks)) {
    const from = Math.max(floor, block.start);
    if (from > block.end) continue;
    remaining += block.end - from + 1;
    floor = block.end + 1;
  }
  return remaining;
}

/** The printed number: "A-012"; emergency "A-K012"; a seq wider than `digits` just widens. */
export function formatTicketNumber(input: {
  prefix: string;
  seq: number;
  digits: number;
  emergencyTag?: string;
}): string {
  const { prefix, seq, digits, emergencyTag = '' } = input;
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be >= 1, got ${seq}`);
  return `${prefix}-${emergencyTag}${String(seq).padStart(Math.max(0, digits), '0')}`;
}

/** Lowest seq above `last` inside a block, or null when every block is used up. */
function nextInBlocks(cursor: QueueCursor): number | null {
  const floor = firstFree(cursor);
  for (const block of usableBlocks(cursor.blocks)) {
    const seq = Math.max(floor, block.start);
    if (seq <= block.end) return seq;
  }
  return null;
}

/** The lowest seq not yet issued; a corrupt (NaN) `last` counts as every block used up. */
function firstFree(cursor: QueueCursor): number {
  return Number.isNaN(cursor.last)
    ? Number.POSITIVE_INFINITY
    : Math.max(0, Math.floor(cursor.last)) + 1;
}

/** Whole-number blocks within 1.., ascending by start; malformed ones are ignored. */
function usableBlocks(blocks: readonly NumberBlock[]): NumberBlock[] {
  return blocks
    .filter((b) => Number.isInteger(b.start) && Number.isInteger(b.end) && b.end >= 1)
    .sort((a, b) => a.start - b.start);
}

/**
 * Whether a printed number is what `formatTicketNumber` makes of its prefix, tag and seq
 * (any zero padding): "A-012" agrees with prefix A, seq 12; "A-K007" with tag K, seq 7.
 */
export function numberAgrees(t: {
  number: string;
  prefix: string;
  seq: number;
  emergencyTag?: string | undefined;
}): boolean {
  const head = `${t.prefix}-${t.emergencyTag ?? ''}`;
  if (!t.number.startsWith(head)) return false;
  const digits = t.number.slice(head.length);
  return /^\d{2,6}$/.test(digits) && Number(digits) === t.seq;
}
