/**
 * A lobby kiosk's bookings: fetched with the config in its idle moments (never on a
 * citizen's way), checked, and held in its database, so a check-in works offline.
 * Must: never throws; what the server sends is checked before it replaces what is held;
 * an unchanged set costs a 204.
 */
import * as v from 'valibot';
import { BOOKING_CODE } from '../../domain/bookings';
import { readHeldBookings, saveHeldBookings } from '../../storage/bookings';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const hhmm = v.optional(v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/)));
const DeviceBookingsSchema = v.object({
  from: day,
  to: day,
  version: v.pipe(v.string(), v.maxLength(200)),
  bookings: v.pipe(
    v.array(
      v.object({
        code: v.pipe(v.string(), v.regex(BOOKING_CODE)),
        day,
        serviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
        from: hhmm,
        to: hhmm,
      }),
    ),
    v.maxLength(20_000),
  ),
});

/** Brings the held bookings up to date: whether they changed. */
export async function refreshBookings(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  now: number,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<boolean> {
  try {
    const held = await readHeldBookings(db);
    const query = held ? `?version=${encodeURIComponent(held.version)}` : '';
    const response = await fetcher(`/api/v1/sync/bookings${query}`, {
      cache: 'no-cache',
      headers: { Authorization: `Bearer ${identity.token}` },
    });
    if (response.status === 204 || !response.ok) return false;
    const parsed = v.safeParse(DeviceBookingsSchema, await response.json());
    if (!parsed.success) return false;
    const { from, to, version, bookings } = parsed.output;
    await saveHeldBookings(db, {
      from,
      to,
      version,
      bookings: bookings.map((b) => ({
        code: b.code,
        day: b.day,
        serviceId: b.serviceId,
        ...(b.from ? { from: b.from } : {}),
        ...(b.to ? { to: b.to } : {}),
      })),
      fetchedAt: now,
    });
    return true;
  } catch {
    return false;
  }
}
