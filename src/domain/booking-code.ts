/**
 * What the event schema checks of a booked ticket (./bookings.ts), in a module of its own:
 * every device validates events, and none but a lobby kiosk needs the rest of bookings.
 */

/** A booking code: letters, digits and dashes, 4 to 40 of them. */
export const BOOKING_CODE = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

/**
 * The most a ticket's booked arrival may differ from its issue: a window is within the
 * business day, so a device claiming more is not checking in a booking.
 */
export const MAX_BOOKED_SHIFT_MS = 16 * 3_600_000;
