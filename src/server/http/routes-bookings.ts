/**
 * Bookings made elsewhere (README "Bookings"): POST /admin/bookings/import {format, text,
 * save} reads an export row by row (src/domain/booking-import.ts) and, with `save`, stores
 * a clean one whole; GET /admin/bookings?day= lists a day's bookings; GET /sync/bookings
 * (device token) gives a kiosk the bookings around its day, so it checks them in offline.
 * Must: anything refused stores nothing; nothing of the citizen is read or stored; what a
 * kiosk downloads stays bounded (a day holds at most MAX_BOOKINGS_A_DAY).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { crowdedDays, MAX_BOOKINGS_A_DAY, readBookingImport } from '../../domain/booking-import';
import type { Booking } from '../../domain/bookings';
import { addDays } from '../../domain/lease-days';
import { parseRequest } from '../../domain/request-fields';
import { businessDayOf } from '../../domain/time';
import { requireAdmin, requireDevice } from '../auth/guard';
import { KEEP_PAST_BOOKINGS_DAYS } from '../store/bookings';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

const ImportSchema = v.strictObject({
  format: v.picklist(['csv', 'json']),
  text: v.pipe(v.string(), v.maxLength(900_000)),
  save: v.optional(v.boolean(), false),
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Days before and after its own a kiosk holds, so it can tell a booking of another day. */
export const BOOKING_WINDOW_DAYS = 7;

/** What a kiosk downloads: the bookings of `from`…`to` and their version. */
export type DeviceBookings = { from: string; to: string; version: string; bookings: Booking[] };

export function bookingAdminRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  api.post('/bookings/import', admin, async (c) => {
    const { format, text, save } = valid(parseRequest(ImportSchema, await readJsonBody(c)));
    const siteId = deps.siteId();
    const config = deps.config();
    const today = businessDayOf(deps.now(), config.site.timeZone);
    const upcoming = await deps.store.bookingsBetween(siteId, today, addDays(today, 400));
    const stored = new Map(upcoming.bookings.map((b) => [b.code, b]));
    const serviceIds = new Set(config.agencies.flatMap((a) => a.services.map((s) => s.id)));
    const read = readBookingImport(text, format, { siteId, today, serviceIds, stored });
    if ('error' in read) throw fail(400, 'invalid_request', read.error);
    const crowded = crowdedDays(stored, read.bookings);
    const clean = crowded.length === 0 && read.rows.every((r) => r.status !== 'refused');
    let saved: number | null = null;
    if (save && clean && read.bookings.length > 0) {
      const at = deps.now();
      await deps.store.saveBookings(
        siteId,
        read.bookings,
        at,
        addDays(today, -KEEP_PAST_BOOKINGS_DAYS),
      );
      await deps.store.recordAudit({
        at,
        adminId: c.get('admin').adminId,
        action: 'bookings.import',
        targetId: null,
        outcome: 'ok',
      });
      saved = read.bookings.length;
    }
    return c.json({
      rows: read.rows,
      unknownColumns: read.unknownColumns,
      personalColumns: read.personalColumns,
      crowdedDays: crowded.map((day) => ({ day, most: MAX_BOOKINGS_A_DAY })),
      saved,
    });
  });
  api.get('/bookings', admin, async (c) => {
    const day = c.req.query('day') ?? '';
    if (!DAY.test(day) || addDays(day, 0) !== day) {
      throw fail(400, 'invalid_request', 'day must be a date, YYYY-MM-DD.');
    }
    const { bookings } = await deps.store.bookingsBetween(deps.siteId(), day, day);
    return c.json({ day, bookings });
  });
  return api;
}

export function bookingSyncRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.get('/bookings', requireDevice(deps), async (c) => {
    const today = businessDayOf(deps.now(), deps.config().site.timeZone);
    const from = addDays(today, -BOOKING_WINDOW_DAYS);
    const to = addDays(today, BOOKING_WINDOW_DAYS);
    const { bookings, importedAt } = await deps.store.bookingsBetween(deps.siteId(), from, to);
    const version = `${from}:${bookings.length}:${importedAt}`;
    if (c.req.query('version') === version) return c.body(null, 204);
    const body: DeviceBookings = { from, to, version, bookings };
    return c.json(body);
  });
  return api;
}
