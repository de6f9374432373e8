import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  DEFAULT_MAX_DRIFT_MS,
  decodeHlc,
  encodeHlc,
  HLC_MAX_COUNTER,
  HLC_MAX_MS,
  hlcDriftMs,
  hlcPart,
  isAdoptable,
  MAX_CLOCK_SKEW_MS,
  mergeHlc,
  nextHlc,
} from '../../../src/domain/hlc';

const DAY = 24 * 60 * 60 * 1000;
const T = Date.UTC(2025, 10, 3, 8, 0, 0); // 2025-11-03 08:00 UTC

describe('encodeHlc', () => {
  it('writes 12 hex digits of ms and 4 of counter, lowercase', () => {
    // Arrange
    const h = { ms: 0x19a3b2c4d5e, counter: 0xab };

    // Act
    const s = encodeHlc(h);

    // Assert
    expect(s).toBe('019a3b2c4d5e-00ab');
  });

  it('pads zero to full width', () => {
    expect(encodeHlc({ ms: 0, counter: 0 })).toBe('000000000000-0000');
  });

  it('writes the largest representable value', () => {
    expect(encodeHlc({ ms: HLC_MAX_MS, counter: HLC_MAX_COUNTER })).toBe('ffffffffffff-ffff');
  });

  it('keeps fixed width for out-of-range hand-built values', () => {
    // Act
    const s = encodeHlc({ ms: 2 ** 50, counter: -3 });

    // Assert
    expect(s).toMatch(/^[0-9a-f]{12}-[0-9a-f]{4}$/);
  });
});

describe('decodeHlc', () => {
  it('reads back what encodeHlc wrote', () => {
    // Arrange
    const h = { ms: T, counter: 513 };

    // Act
    const back = decodeHlc(encodeHlc(h));

    // Assert
    expect(back).toEqual(h);
  });

  it('reads a literal value', () => {
    expect(decodeHlc('00000000000a-0010')).toEqual({ ms: 10, counter: 16 });
  });

  it.each([
    '',
    '019a3b2c4d5e',
    '019a3b2c4d5e-000',
    '19a3b2c4d5e-0000',
    '019a3b2c4d5e-00000',
    '019A3B2C4D5E-0000',
    '019a3b2c4d5g-0000',
    '019a3b2c4d5e_0000',
    ' 019a3b2c4d5e-0000',
    '019a3b2c4d5e-0000-dev1',
  ])('returns null for malformed %j', (s) => {
    expect(decodeHlc(s)).toBeNull();
  });
});

describe('hlcPart', () => {
  it('reads the ms and the counter of the encoded form, like decodeHlc', () => {
    // Arrange
    const s = encodeHlc({ ms: T, counter: 513 });

    // Act
    const parts = [hlcPart(s, 0), hlcPart(s, 13)];

    // Assert
    expect(parts).toEqual([T, 513]);
  });

  it.each(['', '019a3b2c4d5e-000', '019A3B2C4D5E-0000', '019a3b2c4d5e_0000', '019a3b2c4d5e-00g0'])(
    'returns -1 for a malformed %j',
    (s) => {
      expect(Math.min(hlcPart(s, 0), hlcPart(s, 13))).toBe(-1);
    },
  );
});

describe('compareHlc', () => {
  it('orders by ms first, then counter', () => {
    // Arrange
    const early = { ms: 100, counter: 9 };
    const late = { ms: 101, counter: 0 };
    const lateBumped = { ms: 101, counter: 1 };

    // Act / Assert
    expect(compareHlc(early, late)).toBeLessThan(0);
    expect(compareHlc(late, early)).toBeGreaterThan(0);
    expect(compareHlc(late, lateBumped)).toBeLessThan(0);
    expect(compareHlc(lateBumped, { ms: 101, counter: 1 })).toBe(0);
  });
});

describe('nextHlc', () => {
  it('starts at physical time with counter 0', () => {
    expect(nextHlc(null, T)).toEqual({ ms: T, counter: 0 });
  });

  it('follows physical time when it moves forward', () => {
    expect(nextHlc({ ms: T, counter: 7 }, T + 1)).toEqual({ ms: T + 1, counter: 0 });
  });

  it('bumps the counter when physical time stands still', () => {
    expect(nextHlc({ ms: T, counter: 7 }, T)).toEqual({ ms: T, counter: 8 });
  });

  it('keeps ms and bumps the counter when the clock jumps back days', () => {
    // Arrange
    const last = { ms: T, counter: 2 };

    // Act
    const next = nextHlc(last, T - 3 * DAY);

    // Assert
    expect(next).toEqual({ ms: T, counter: 3 });
  });

  it('carries a counter overflow into ms instead of throwing', () => {
    // Arrange
    const last = { ms: T, counter: HLC_MAX_COUNTER };

    // Act
    const next = nextHlc(last, T - 1000);

    // Assert
    expect(next).toEqual({ ms: T + 1, counter: 0 });
    expect(compareHlc(next, last)).toBeGreaterThan(0);
  });

  it.each([Number.NaN, -5, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 2 ** 53])(
    'treats physical time %p as 0',
    (pt) => {
      expect(nextHlc(null, pt)).toEqual({ ms: 0, counter: 0 });
      expect(nextHlc({ ms: T, counter: 0 }, pt)).toEqual({ ms: T, counter: 1 });
    },
  );

  it('drops the fraction of a fractional physical time', () => {
    expect(nextHlc(null, 1234.9)).toEqual({ ms: 1234, counter: 0 });
  });

  it('saturates at the top of the 48-bit range instead of throwing', () => {
    // Arrange
    const top = { ms: HLC_MAX_MS, counter: HLC_MAX_COUNTER };

    // Act
    const next = nextHlc(top, T);

    // Assert
    expect(next).toEqual(top);
    expect(encodeHlc(next)).toBe('ffffffffffff-ffff');
  });
});

describe('mergeHlc', () => {
  it('takes physical time when it is ahead of both', () => {
    expect(mergeHlc({ ms: T, counter: 4 }, { ms: T + 5, counter: 9 }, T + 10)).toEqual({
      ms: T + 10,
      counter: 0,
    });
  });

  it('continues after a remote that is ahead', () => {
    expect(mergeHlc({ ms: T, counter: 4 }, { ms: T + 5, counter: 9 }, T)).toEqual({
      ms: T + 5,
      counter: 10,
    });
  });

  it('continues after local when local is ahead', () => {
    expect(mergeHlc({ ms: T + 5, counter: 4 }, { ms: T, counter: 9 }, T)).toEqual({
      ms: T + 5,
      counter: 5,
    });
  });

  it('takes the larger counter plus one when local and remote share ms', () => {
    expect(mergeHlc({ ms: T, counter: 4 }, { ms: T, counter: 9 }, T - DAY)).toEqual({
      ms: T,
      counter: 10,
    });
  });

  it('works without a local clock yet', () => {
    expect(mergeHlc(null, { ms: T, counter: 3 }, T - 1)).toEqual({ ms: T, counter: 4 });
  });

  it('carries a remote counter overflow into ms', () => {
    // Arrange
    const remote = { ms: T, counter: HLC_MAX_COUNTER };

    // Act
    const merged = mergeHlc({ ms: T - 1, counter: 0 }, remote, Number.NaN);

    // Assert
    expect(merged).toEqual({ ms: T + 1, counter: 0 });
  });

  it('accepts a remote days in the future without throwing', () => {
    // Arrange
    const remote = { ms: T + 3 * DAY, counter: 0 };

    // Act
    const merged = mergeHlc({ ms: T, counter: 0 }, remote, T);

    // Assert
    expect(merged).toEqual({ ms: T + 3 * DAY, counter: 1 });
    expect(hlcDriftMs(merged, T)).toBeGreaterThan(DEFAULT_MAX_DRIFT_MS);
  });
});

describe('hlcDriftMs', () => {
  it('is positive when the HLC runs ahead and negative when behind', () => {
    expect(hlcDriftMs({ ms: T + 2500, counter: 3 }, T)).toBe(2500);
    expect(hlcDriftMs({ ms: T - 700, counter: 0 }, T)).toBe(-700);
  });

  it('is five minutes by default for the flagging bound', () => {
    expect(DEFAULT_MAX_DRIFT_MS).toBe(300_000);
  });
});

describe('isAdoptable', () => {
  it('adopts a remote HLC up to MAX_CLOCK_SKEW_MS ahead of physical time, not beyond', () => {
    const pt = 1_700_000_000_000;

    expect(isAdoptable({ ms: pt + MAX_CLOCK_SKEW_MS, counter: 9 }, pt)).toBe(true);
    expect(isAdoptable({ ms: pt - 86_400_000, counter: 0 }, pt)).toBe(true);
    expect(isAdoptable({ ms: pt + MAX_CLOCK_SKEW_MS + 1, counter: 0 }, pt)).toBe(false);
    expect(isAdoptable({ ms: HLC_MAX_MS, counter: 0 }, Number.NaN)).toBe(false);
  });
});
