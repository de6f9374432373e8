import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7From, uuidv7Time } from '../../src/domain/ids';

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ms = fc.integer({ min: 0, max: 2 ** 48 - 1 });
const random = fc.uint8Array({ minLength: 10, maxLength: 10 });

describe('uuidv7From', () => {
  it('always yields an RFC 9562 version-7 id carrying its timestamp', () => {
    fc.assert(
      fc.property(ms, random, (time, bytes) => {
        const id = uuidv7From(time, bytes);
        expect(id).toMatch(UUIDV7);
        expect(uuidv7Time(id)).toBe(time);
      }),
      { seed: 7 },
    );
  });

  it('orders ids of different milliseconds by time', () => {
    fc.assert(
      fc.property(ms, ms, random, random, (a, b, ra, rb) => {
        fc.pre(a !== b);
        expect(uuidv7From(a, ra) < uuidv7From(b, rb)).toBe(a < b);
      }),
      { seed: 7 },
    );
  });

  it('differs when the random bytes differ in their used bits', () => {
    const zero = new Uint8Array(10);
    const one = new Uint8Array(10);
    one[9] = 1;
    expect(uuidv7From(1, zero)).not.toBe(uuidv7From(1, one));
    expect(() => uuidv7From(1, new Uint8Array(9))).toThrow(RangeError);
  });
});
