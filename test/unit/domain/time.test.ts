import { describe, expect, it } from 'vitest';
import {
  businessDayOf,
  isOpenAt,
  localClock,
  localParts,
  nextOpenDay,
  tzAbbreviation,
} from '../../../src/domain/time';
import { localInstant, rule, WEEKDAY_HOURS } from '../../fixtures/catalogue';

// 2024-10-17T16:30Z: Thursday 23.30 WIB, Friday 00.30 WITA, Friday 01.30 WIT.
const LATE_THURSDAY_WIB = Date.UTC(2024, 9, 17, 16, 30);

describe('businessDayOf', () => {
  it('reads the same instant as different days across the three zones', () => {
    // Arrange
    const instant = LATE_THURSDAY_WIB;

    // Act
    const days = [
      businessDayOf(instant, 'Asia/Jakarta'),
      businessDayOf(instant, 'Asia/Makassar'),
      businessDayOf(instant, 'Asia/Jayapura'),
    ];

    // Assert
    expect(days).toEqual(['2024-10-17', '2024-10-18', '2024-10-18']);
  });

  it('starts a new day at local midnight, not at UTC midnight', () => {
    // Arrange
    const lastMinute = localInstant('2024-12-31T23:59', 'Asia/Jayapura');
    const midnight = localInstant('2025-01-01T00:00', 'Asia/Jayapura');

    // Act
    const before = businessDayOf(lastMinute, 'Asia/Jayapura');
    const after = businessDayOf(midnight, 'Asia/Jayapura');

    // Assert
    expect(before).toBe('2024-12-31');
    expect(after).toBe('2025-01-01');
  });

  it('handles the leap day', () => {
    // Arrange
    const instant = localInstant('2024-02-29T10:00', 'Asia/Makassar');

    // Act
    const day = businessDayOf(instant, 'Asia/Makassar');

    // Assert
    expect(day).toBe('2024-02-29');
  });
});

describe('localClock', () => {
  it('gives day, weekday and HH:MM of the zone', () => {
    // Arrange
    const instant = LATE_THURSDAY_WIB;

    // Act
    const jakarta = localClock(instant, 'Asia/Jakarta');
    const makassar = localClock(instant, 'Asia/Makassar');
    const jayapura = localClock(instant, 'Asia/Jayapura');

    // Assert
    expect(jakarta).toEqual({ day: '2024-10-17', weekday: 'thu', hhmm: '23:30' });
    expect(makassar).toEqual({ day: '2024-10-18', weekday: 'fri', hhmm: '00:30' });
    expect(jayapura).toEqual({ day: '2024-10-18', weekday: 'fri', hhmm: '01:30' });
  });

  it('prints midnight as 00:00 and Sunday as sun', () => {
    // Arrange
    const instant = localInstant('2024-10-20T00:00', 'Asia/Jakarta');

    // Act
    const clock = localClock(instant, 'Asia/Jakarta');

    // Assert
    expect(clock).toEqual({ day: '2024-10-20', weekday: 'sun', hhmm: '00:00' });
  });

  it('drops seconds rather than rounding them', () => {
    // Arrange
    const instant = localInstant('2024-10-14T14:59:59', 'Asia/Jakarta');

    // Act
    const parts = localParts(instant, 'Asia/Jakarta');

    // Assert
    expect(parts).toEqual({ year: 2024, month: 10, day: 14, hour: 14, minute: 59, weekday: 'mon' });
  });
});

describe('isOpenAt', () => {
  it('opens at from (inclusive) and closes at to (exclusive)', () => {
    // Arrange
    const at = (hhmm: string) => localInstant(`2024-10-14T${hhmm}`, 'Asia/Jakarta');

    // Act
    const results = ['07:59:59', '08:00', '14:59:59', '15:00'].map((t) =>
      isOpenAt(WEEKDAY_HOURS, at(t), 'Asia/Jakarta'),
    );

    // Assert
    expect(results).toEqual([false, true, true, false]);
  });

  it('is closed during the Friday prayer break and open either side', () => {
    // Arrange
    const at = (hhmm: string) => localInstant(`2024-10-18T${hhmm}`, 'Asia/Jakarta');

    // Act
    const results = ['11:29', '11:30', '12:59', '13:00'].map((t) =>
      isOpenAt(WEEKDAY_HOURS, at(t), 'Asia/Jakarta'),
    );

    // Assert
    expect(results).toEqual([true, false, false, true]);
  });

  it('is closed on a day no rule names', () => {
    // Arrange
    const saturday = localInstant('2024-10-19T10:00', 'Asia/Jakarta');

    // Act
    const open = isOpenAt(WEEKDAY_HOURS, saturday, 'Asia/Jakarta');

    // Assert
    expect(open).toBe(false);
  });

  it('is closed on a listed holiday even within the hours', () => {
    // Arrange
    const independenceDayEve = localInstant('2024-08-16T09:00', 'Asia/Jakarta');
    const holidays = ['2024-08-16', '2024-08-17'];

    // Act
    const open = isOpenAt(WEEKDAY_HOURS, independenceDayEve, 'Asia/Jakarta', holidays);
    const openWithoutHolidays = isOpenAt(WEEKDAY_HOURS, independenceDayEve, 'Asia/Jakarta');

    // Assert
    expect(open).toBe(false);
    expect(openWithoutHolidays).toBe(true);
  });

  it('judges hours and holidays by the site zone, not by UTC', () => {
    // Arrange: Saturday 07.30 WIT is still Friday 22.30 UTC.
    const hours = [rule(['sat'], '07:00', '12:00')];
    const instant = localInstant('2024-10-19T07:30', 'Asia/Jayapura');

    // Act
    const inJayapura = isOpenAt(hours, instant, 'Asia/Jayapura');
    const inJakarta = isOpenAt(hours, instant, 'Asia/Jakarta');
    const onHoliday = isOpenAt(hours, instant, 'Asia/Jayapura', ['2024-10-19']);

    // Assert
    expect(inJayapura).toBe(true);
    expect(inJakarta).toBe(false);
    expect(onHoliday).toBe(false);
  });

  it('is never open with no rules', () => {
    // Arrange
    const instant = localInstant('2024-10-14T10:00', 'Asia/Jakarta');

    // Act
    const open = isOpenAt([], instant, 'Asia/Jakarta');

    // Assert
    expect(open).toBe(false);
  });
});

describe('tzAbbreviation', () => {
  it('names the three Indonesian zones', () => {
    // Act
    const names = (['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const).map(tzAbbreviation);

    // Assert
    expect(names).toEqual(['WIB', 'WITA', 'WIT']);
  });
});

describe('nextOpenDay', () => {
  it('is the next weekday of the opening hours, skipping the weekend and holidays', () => {
    // 2026-11-23 is a Monday; 2026-11-27 a Friday; 2026-12-24 a Thursday.
    expect(nextOpenDay('2026-11-23', WEEKDAY_HOURS)).toBe('2026-11-24');
    expect(nextOpenDay('2026-11-27', WEEKDAY_HOURS)).toBe('2026-11-30');
    expect(nextOpenDay('2026-12-24', WEEKDAY_HOURS, ['2026-12-25'])).toBe('2026-12-28');
    const weekend = [rule(['sat'], '08:00', '12:00'), rule(['sun'], '08:00', '12:00')];
    expect(nextOpenDay('2026-11-28', weekend)).toBe('2026-11-29');
  });

  it('is null when the site opens on no day within the window', () => {
    const mondays = [rule(['mon'], '08:00', '12:00')];
    expect(nextOpenDay('2026-11-23', mondays, [], 6)).toBeNull();
    expect(nextOpenDay('2026-11-23', mondays, [], 7)).toBe('2026-11-30');
  });
});
