/**
 * The bookings store on both databases: an import is stored whole, a code replaces its
 * earlier booking, days long past are forgotten, and a window reads what it holds.
 */
import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../src/domain/bookings';
import { useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const SITE = 'mpp-kota-contoh';
const booking = (code: string, day: string, extra: Partial<Booking> = {}): Booking => ({
  code,
  day,
  serviceId: 'ktp',
  ...extra,
});

describe.each(storeTargets())('bookings ($kind)', (target) => {
  const { store } = useStore(target);

  it('stores an import, replaces a booking by its code, and reads a window of days', async () => {
    await store().saveBookings(
      SITE,
      [
        booking('A-0001', '2026-12-07', { from: '09:00', to: '09:30' }),
        booking('A-0002', '2026-12-08'),
      ],
      100,
      '2026-09-01',
    );
    await store().saveBookings(SITE, [booking('A-0001', '2026-12-09')], 200, '2026-09-01');

    const all = await store().bookingsBetween(SITE, '2026-12-01', '2026-12-31');
    const first = await store().bookingsBetween(SITE, '2026-12-07', '2026-12-08');
    const other = await store().bookingsBetween('mpp-lain', '2026-12-01', '2026-12-31');

    expect(all.bookings).toEqual([
      booking('A-0002', '2026-12-08'),
      booking('A-0001', '2026-12-09'),
    ]);
    expect(all.importedAt).toBe(200);
    expect(first.bookings.map((b) => b.code)).toEqual(['A-0002']);
    expect(other.bookings).toEqual([]);
  });

  it('forgets the bookings of days before the bound it is given', async () => {
    await store().saveBookings(SITE, [booking('OLD-0001', '2026-01-05')], 100, '2025-12-01');
    await store().saveBookings(SITE, [booking('NEW-0001', '2026-12-07')], 200, '2026-09-01');

    const kept = await store().bookingsBetween(SITE, '2020-01-01', '2030-01-01');

    expect(kept.bookings.map((b) => b.code)).toEqual(['NEW-0001']);
  });
});
