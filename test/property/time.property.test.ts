// @vitest-environment node
/**
 * The site's wall clock by fixed offsets (src/domain/time.ts) against what Intl (Node's
 * full ICU, the tz database) says for the same zone, at any instant from 1970 to 2200.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeZone } from '../../src/domain/time';
import { localParts, WEEKDAYS } from '../../src/domain/time';

const ZONES: TimeZone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const WEEKDAY_OF: Record<string, string> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The same fields as Intl reads them. */
function byIntl(epochMs: number, timeZone: TimeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const field = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(field('year')),
    month: Number(field('month')),
    day: Number(field('day')),
    hour: Number(field('hour')) % 24,
    minute: Number(field('minute')),
    weekday: WEEKDAY_OF[field('weekday')],
  };
}

describe('localParts', () => {
  it('equals Intl in each Indonesian zone at any instant from 1970 to 2200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }),
        fc.constantFrom(...ZONES),
        (epochMs, zone) => {
          expect(localParts(epochMs, zone)).toEqual(byIntl(epochMs, zone));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('turns the day at local midnight, an hour apart from zone to zone', () => {
    const midnightWib = Date.UTC(2026, 11, 4) - 7 * 3_600_000; // 00:00 WIB, a Friday
    expect(localParts(midnightWib, 'Asia/Jakarta')).toMatchObject({ day: 4, hour: 0 });
    expect(localParts(midnightWib - 1, 'Asia/Jakarta')).toMatchObject({ day: 3, hour: 23 });
    expect(localParts(midnightWib, 'Asia/Makassar')).toMatchObject({ day: 4, hour: 1 });
    expect(localParts(midnightWib, 'Asia/Jayapura')).toMatchObject({ day: 4, hour: 2 });
    expect(WEEKDAYS).toContain(localParts(midnightWib, 'Asia/Jakarta').weekday);
    expect(localParts(midnightWib, 'Asia/Jakarta').weekday).toBe('fri');
  });
});
