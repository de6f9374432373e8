/**
 * Hybrid logical clock (Kulkarni et al. 2014): a physical ms part plus a counter, so
 * every device's events are strictly ordered even when its wall clock jumps backwards
 * or is days off. The caller passes physical time in (`Date.now() + serverOffset`).
 * Must:
 * - `nextHlc` returns a value strictly greater than `last`, whatever `physicalMs` does.
 * - `mergeHlc` returns a value strictly greater than both `local` and `remote`.
 * - Never throw: a counter past 0xffff carries into `ms`; bad physical time counts as 0.
 * - `ms` stays within 48 bits and `counter` within 16 bits, so the encoded form is fixed
 *   width and plain string order equals `compareHlc` order.
 * - Drift beyond `DEFAULT_MAX_DRIFT_MS` is for callers to flag, never to drop or throw on;
 *   a remote HLC beyond `MAX_CLOCK_SKEW_MS` is never merged (`isAdoptable`).
 */

/** A hybrid logical timestamp: largest physical ms seen plus a counter within that ms. */
export type Hlc = { ms: number; counter: number };

/** Largest representable `ms` (48 bits; the year 10889). */
export const HLC_MAX_MS = 0xffff_ffff_ffff;
/** Largest representable `counter` (16 bits). */
export const HLC_MAX_COUNTER = 0xffff;
/** How far ahead of physical time an HLC may be before callers flag it (5 minutes). */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;
/**
 * The most a remote HLC may be ahead of this device's physical time (its clock corrected
 * by the server offset) for the device to adopt it: one far-future event must not drag
 * every clock of the site ahead, or pin it at the top of the range.
 */
export const MAX_CLOCK_SKEW_MS = DEFAULT_MAX_DRIFT_MS;

/** Fixed-width string form, e.g. "019a3b2c4d5e-0000"; string order equals logical order. */
export function encodeHlc(h: Hlc): string {
  const { ms, counter } = clampHlc(h);
  return `${ms.toString(16).padStart(12, '0')}-${counter.toString(16).padStart(4, '0')}`;
}

/** Parses the `encodeHlc` form; null when the string is malformed. */
export function decodeHlc(s: string): Hlc | null {
  const ms = hlcPart(s, 0);
  const counter = hlcPart(s, 13);
  return ms < 0 || counter < 0 ? null : { ms, counter };
}

/**
 * The ms (`from` 0) or counter (`from` 13) of the `encodeHlc` form, -1 when the string is
 * malformed. Hand-rolled, allocating nothing: the fold decodes every event's HLC.
 */
export function hlcPart(s: string, from: 0 | 13): number {
  if (s.length !== 17 || s.charCodeAt(12) !== 0x2d) return -1;
  return parseHex(s, from, from + (from ? 4 : 12));
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return 0;
}

/** The HLC of a local or send event: strictly after `last`. */
export function nextHlc(last: Hlc | null, physicalMs: number): Hlc {
  const pt = physicalTime(physicalMs);
  if (last === null) return { ms: pt, counter: 0 };
  const l = clampHlc(last);
  if (pt > l.ms) return { ms: pt, counter: 0 };
  return carry(l.ms, l.counter + 1);
}

/** The HLC of receiving `remote`: strictly after both `local` and `remote`. */
export function mergeHlc(local: Hlc | null, remote: Hlc, physicalMs: number): Hlc {
  const pt = physicalTime(physicalMs);
  const r = clampHlc(remote);
  const l = local === null ? null : clampHlc(local);
  const ms = Math.max(l?.ms ?? -1, r.ms, pt);
  const fromLocal = l !== null && l.ms === ms ? l.counter + 1 : 0;
  const fromRemote = r.ms === ms ? r.counter + 1 : 0;
  return carry(ms, Math.max(fromLocal, fromRemote));
}

/** Whether a device at `physicalMs` may merge `remote` into its clock (within MAX_CLOCK_SKEW_MS). */
export function isAdoptable(remote: Hlc, physicalMs: number): boolean {
  return hlcDriftMs(remote, physicalMs) <= MAX_CLOCK_SKEW_MS;
}

/** How far `h` is ahead of physical time (negative when behind). */
export function hlcDriftMs(h: Hlc, physicalMs: number): number {
  return h.ms - physicalTime(physicalMs);
}

/**
 * Keeps a counter within 16 bits by carrying into `ms`. At the very top of the range
 * (unreachable before the year 10889) the clock saturates rather than throw.
 */
function carry(ms: number, counter: number): Hlc {
  if (counter <= HLC_MAX_COUNTER) return { ms, counter };
  if (ms >= HLC_MAX_MS) return { ms: HLC_MAX_MS, counter: HLC_MAX_COUNTER };
  return { ms: ms + 1, counter: 0 };
}

/**
 * Physical time as a whole ms within 48 bits. NaN, infinities, negatives and values past
 * 48 bits count as 0: clamping a wild clock to the maximum would pin the HLC there forever.
 */
function physicalTime(physicalMs: number): number {
  if (!Number.isFinite(physicalMs) || physicalMs < 0 || physicalMs > HLC_MAX_MS) return 0;
  return Math.floor(physicalMs);
}

/** Brings a hand-built HLC into range so encoding stays fixed width. */
function clampHlc(h: Hlc): Hlc {
  return { ms: clampInt(h.ms, HLC_MAX_MS), counter: clampInt(h.counter, HLC_MAX_COUNTER) };
}

/** Lowercase hex digits s[from..to) as a number, or -1 if any is not one. */
export function parseHex(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return -1;
    n = n * 16 + digit;
  }
  return n;
}

function clampInt(n: number, max: number): number {
  if (Number.isNaN(n) || n <= 0) return 0;
  return n >= max ? max : Math.floor(n);
}
