/**
 * The store's migrations from version 6 on: quota pools, reviews of flagged events, SKM
 * answers, reports' day summaries, device health, staff admins (./migrations.ts applies
 * them in order). Must: appended only, never edited once released.
 */
import type { MigrationStep } from './migrations';

/**
 * Quota pools (src/domain/quotas.ts): the MPP's lobby draws on its daily quotas ('') and
 * each MPP bergerak visit on its own (the visit's id), so the head's key gains the pool.
 * Heads and grants from before were the lobby's.
 */
export const V_QUOTA_POOLS: readonly MigrationStep[] = [
  `CREATE TABLE quota_pool_heads (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    pool TEXT NOT NULL,
    granted BIGINT NOT NULL,
    PRIMARY KEY (site_id, business_day, service_id, pool)
  )`,
  `INSERT INTO quota_pool_heads (site_id, business_day, service_id, pool, granted)
   SELECT site_id, business_day, service_id, '', granted FROM quota_heads`,
  'DROP TABLE quota_heads',
  'ALTER TABLE quota_pool_heads RENAME TO quota_heads',
  "ALTER TABLE quota_grants ADD COLUMN pool TEXT NOT NULL DEFAULT ''",
];

/**
 * Reviews of flagged events (GET /admin/flagged): who looked at one, when, and what they
 * found — a code, never free text (it could carry personal data). One review an event.
 */
export const V_FLAG_REVIEWS: readonly MigrationStep[] = [
  `CREATE TABLE flag_reviews (
    site_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    reviewed_at BIGINT NOT NULL,
    admin_id TEXT NOT NULL,
    resolution TEXT NOT NULL,
    PRIMARY KEY (site_id, event_id)
  )`,
];

/**
 * SKM answers (src/domain/skm.ts), one per ticket: the ticket's day, agency and service,
 * the nine scores as digits ('443334443'), the optional profile choices and suggestion,
 * and when it came. Anonymous: nothing else of the citizen.
 */
export const V_SKM: readonly MigrationStep[] = [
  `CREATE TABLE skm_responses (
    site_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    age_band TEXT,
    sex TEXT,
    education TEXT,
    occupation TEXT,
    suggestion TEXT,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, ticket_id)
  )`,
  'CREATE INDEX skm_responses_day ON skm_responses (site_id, business_day)',
];

/**
 * Reports' day summaries (src/domain/day-report.ts), kept with the stamp of the day's
 * events they were made from (count and last siteSeq): a report of months reads these,
 * and folds again only a day whose stamp moved.
 */
export const V_DAY_SUMMARIES: readonly MigrationStep[] = [
  `CREATE TABLE day_summaries (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    stamp TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (site_id, business_day)
  )`,
];

/**
 * Each device's last health report (POST /sync/health, src/domain/protocol-schema.ts
 * DeviceHealthSchema) as JSON, and when it came: read for the admin's device list only.
 */
export const V_DEVICE_HEALTH: readonly MigrationStep[] = [
  'ALTER TABLE devices ADD COLUMN health TEXT',
  'ALTER TABLE devices ADD COLUMN health_at BIGINT',
];

/**
 * Which admins are staff members' (their sessions at /admin): a session of someone no
 * longer found among the staff must never pass for an API admin's token.
 */
export const V_STAFF_ADMINS: readonly MigrationStep[] = [
  'ALTER TABLE admins ADD COLUMN staff INTEGER NOT NULL DEFAULT 0',
  'UPDATE admins SET staff = 1 WHERE admin_id IN (SELECT staff_id FROM staff)',
];

/**
 * Version 12, what an admin asks of an enrolled device (./device-orders.ts): a test print
 * it has not answered yet (when it was asked; null: none), and when a revoked device was
 * last taken back by a new enrollment code (null: never).
 */
export const V_DEVICE_ORDERS: readonly MigrationStep[] = [
  'ALTER TABLE devices ADD COLUMN test_print_at BIGINT',
  'ALTER TABLE devices ADD COLUMN reenrolled_at BIGINT',
];

/**
 * Version 13, bookings made elsewhere (./bookings.ts): a code, its day, service and window, and when it
 * was imported. Nothing of the citizen.
 */
export const V_BOOKINGS: readonly MigrationStep[] = [
  `CREATE TABLE bookings (
    site_id TEXT NOT NULL,
    code TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    slot_from TEXT,
    slot_to TEXT,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, code)
  )`,
  'CREATE INDEX bookings_day ON bookings (site_id, business_day)',
];

/**
 * Version 14, the codes checked in each day (./ticket-numbers.ts): the first ticket of a
 * code holds it; a later one is flagged duplicate_booking.
 */
export const V_TICKET_BOOKINGS: readonly MigrationStep[] = [
  `CREATE TABLE ticket_bookings (
    site_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    code TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (site_id, business_day, code)
  )`,
];

/**
 * Version 15, personal data a citizen consented to give for a service
 * (./personal-data.ts): one row a field, under the reference the ticket carries, forgotten
 * after the site's retention.
 */
export const V_PERSONAL_DATA: readonly MigrationStep[] = [
  `CREATE TABLE personal_data (
    site_id TEXT NOT NULL,
    ref TEXT NOT NULL,
    field_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    service_id TEXT NOT NULL,
    consented_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, ref, field_id)
  )`,
  'CREATE INDEX personal_data_received ON personal_data (site_id, received_at)',
];
