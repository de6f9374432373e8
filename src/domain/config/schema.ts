/**
 * The kiosk-config schema: one valibot definition per config file, used by the server,
 * `npm run config:check`, the device (before it replaces a cached config) and the
 * generator of kiosk-config/schema.json. Rules that span files live in ./rules.ts.
 */
import * as v from 'valibot';
import { addDays, MAX_VISIT_DAYS } from '../lease-days';
import { AgencySchema } from './schema-catalogue';
import {
  hhmm,
  isoDate,
  LanguageSchema,
  LocalTextSchema,
  nonEmpty,
  OpeningHoursSchema,
  positiveInt,
  schemaRef,
  slug,
  TimeZoneSchema,
} from './schema-fields';

// The config's one contract, in parts: its building blocks and the catalogue.
export * from './schema-catalogue';
export {
  type HoursRule,
  HoursRuleSchema,
  type Language,
  LanguageSchema,
  type LocalText,
  LocalTextSchema,
  type OpeningHours,
  OpeningHoursSchema,
  TimeZoneSchema,
  UNRECORDED,
  UNRECORDED_TEXT,
  type Weekday,
  WeekdaySchema,
} from './schema-fields';

/**
 * A group of agencies on the kiosk's first screen ("Kependudukan", "Kesehatan dan Jaminan
 * Sosial"…): a tap on it shows its agencies. Each agency is in one group at most; agencies
 * in none are shown under "Lainnya" (./rules-groups.ts).
 */
export const AgencyGroupSchema = v.strictObject({
  id: slug,
  name: LocalTextSchema,
  agencies: v.pipe(
    v.array(slug),
    v.minLength(1, 'kelompok tanpa instansi: isi minimal satu instansi atau hapus kelompoknya'),
  ),
});

export const SiteSchema = v.strictObject({
  $schema: schemaRef,
  id: slug,
  name: LocalTextSchema,
  city: nonEmpty,
  timeZone: TimeZoneSchema,
  address: nonEmpty,
  /** Base of the URLs put in QR codes (e.g. https://antrean.mpp.contoh.go.id). */
  publicBaseUrl: v.optional(v.pipe(v.string(), v.url('harus URL lengkap'))),
  languages: v.pipe(
    v.array(LanguageSchema),
    v.check((langs) => langs.includes('id'), 'bahasa Indonesia (id) wajib ada'),
  ),
  openingHours: v.pipe(OpeningHoursSchema, v.minLength(1)),
  holidays: v.optional(v.array(isoDate)),
  /** Agency groups, in the order the kiosk shows them; without them, one grid of agencies. */
  agencyGroups: v.optional(v.array(AgencyGroupSchema)),
  numbering: v.strictObject({
    /** Digits of the printed number: A-012 has 3. */
    digits: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(4)),
    /** Size of the number range reserved for one device per queue and day. */
    deviceBlockSize: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(1000)),
  }),
  /**
   * Priority-group tickets (lansia, disabilitas, hamil, balita) called in a row before a
   * waiting regular ticket goes next; 3 when absent (src/domain/serving-order.ts).
   */
  priorityCap: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20))),
  privacy: v.strictObject({
    controller: nonEmpty,
    contact: nonEmpty,
    retentionDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)),
  }),
});

export const ProfileSchema = v.strictObject({
  $schema: schemaRef,
  id: slug,
  name: nonEmpty,
  surface: v.picklist(['kiosk', 'counter', 'display', 'mobile']),
  /** Agencies shown, in order; all when absent. */
  agencies: v.optional(v.array(slug)),
  /** A mobile unit's team: it stocks and serves that team's visits only (the default team's, `tim-1`, when absent, like a visit's). */
  team: v.optional(slug),
  language: LanguageSchema,
  printer: v.strictObject({
    kind: v.picklist(['browser', 'escpos', 'none']),
    /**
     * How an ESC/POS printer is reached: a BLE printer (bluetooth), a serial port — USB or
     * Bluetooth SPP as the OS offers it (serial) — or WebUSB (usb). Serial when absent.
     */
    transport: v.optional(v.picklist(['bluetooth', 'serial', 'usb'])),
    paperWidth: v.picklist([58, 80]),
    autoPrint: v.boolean(),
  }),
  idle: v.strictObject({
    /** Seconds without a touch before "Masih di sini?". */
    warningAfterSeconds: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(600)),
    /** Seconds the warning stays before everything is cleared. */
    resetAfterSeconds: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(120)),
    /** Seconds the ticket stays on screen. */
    ticketScreenSeconds: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(300)),
  }),
  lockDown: v.boolean(),
});

export const VisitSchema = v.pipe(
  v.strictObject({
    $schema: schemaRef,
    id: slug,
    /** The first (or only) day. */
    date: isoDate,
    /** The last day of a visit of several days, inclusive. */
    until: v.optional(isoDate),
    /** The mobile team that makes it: one team's visits may not overlap. */
    team: v.optional(slug),
    kelurahan: nonEmpty,
    kecamatan: v.optional(nonEmpty),
    place: nonEmpty,
    hours: v.pipe(
      v.strictObject({ from: hhmm, to: hhmm }),
      v.check((h) => h.from < h.to, 'jam buka harus sebelum jam tutup'),
    ),
    /** The services carried, each with its quota for each day of the visit. */
    services: v.pipe(
      v.array(v.strictObject({ service: slug, quota: positiveInt })),
      v.minLength(1),
    ),
  }),
  v.forward(
    v.check(
      (visit) => visit.until === undefined || visit.until >= visit.date,
      'hari terakhir (until) tidak boleh sebelum hari pertama (date)',
    ),
    ['until'],
  ),
  v.forward(
    v.check(
      (visit) =>
        visit.until === undefined || visit.until <= addDays(visit.date, MAX_VISIT_DAYS - 1),
      `satu kunjungan paling lama ${MAX_VISIT_DAYS} hari`,
    ),
    ['until'],
  ),
);

/** What a device receives: every file of a site, validated together, with a version. */
export const ConfigBundleSchema = v.strictObject({
  version: nonEmpty,
  site: SiteSchema,
  agencies: v.pipe(v.array(AgencySchema), v.minLength(1)),
  profiles: v.array(ProfileSchema),
  visits: v.array(VisitSchema),
});

export type AgencyGroup = v.InferOutput<typeof AgencyGroupSchema>;
export type Site = v.InferOutput<typeof SiteSchema>;
export type Profile = v.InferOutput<typeof ProfileSchema>;
export type Visit = v.InferOutput<typeof VisitSchema>;
export type ConfigBundle = v.InferOutput<typeof ConfigBundleSchema>;
