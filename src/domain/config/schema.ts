/**
 * The kiosk-config schema: one valibot definition per config file, used by the server,
 * `npm run config:check`, the device (before it replaces a cached config) and the
 * generator of kiosk-config/schema.json. Rules that span files live in ./rules.ts.
 */
import * as v from 'valibot';
import { addDays, MAX_VISIT_DAYS } from '../lease-days';

const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'harus huruf kecil, angka dan tanda hubung (slug)'),
  v.maxLength(64),
);
const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'tidak boleh kosong'));
const hhmm = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format jam HH:MM'));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'format tanggal YYYY-MM-DD'));
const schemaRef = v.optional(v.string());

/** A text shown to citizens: Indonesian always, English when available. */
export const LocalTextSchema = v.strictObject({
  id: nonEmpty,
  en: v.optional(nonEmpty),
});

/**
 * What a config file may say for a part of a service's standar pelayanan nobody has
 * recorded yet ("belum dicatat"): a catalogue begun from a list of names says so instead of
 * inventing. It is read as the honest words (UNRECORDED_TEXT) before the schema, and
 * `config:check` lists each as a warning (./unrecorded.ts).
 */
export { UNRECORDED } from './unrecorded-marker';

/** What the kiosk shows for a part not recorded yet: ask at the counter. */
export const UNRECORDED_TEXT = {
  id: 'Belum dicatat — tanyakan di loket',
  en: 'Not recorded yet — ask at the counter',
} as const;

export const WeekdaySchema = v.picklist(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Opening hours as rules: on these days, from–to (local time of the site). */
export const HoursRuleSchema = v.pipe(
  v.strictObject({
    days: v.pipe(v.array(WeekdaySchema), v.minLength(1)),
    from: hhmm,
    to: hhmm,
  }),
  v.check((rule) => rule.from < rule.to, 'jam buka harus sebelum jam tutup'),
);
export const OpeningHoursSchema = v.array(HoursRuleSchema);

export const TimeZoneSchema = v.picklist(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
export const LanguageSchema = v.picklist(['id', 'en']);

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

export const ComplaintChannelSchema = v.strictObject({
  kind: v.picklist(['web', 'whatsapp', 'phone', 'email', 'sms', 'lapor', 'desk']),
  value: nonEmpty,
  /** The value in English where it is words (a desk: "Complaints desk, 1st floor"). */
  en: v.optional(nonEmpty),
});
export const ComplaintsSchema = v.pipe(v.array(ComplaintChannelSchema), v.minLength(1));

/**
 * Where a service can also be had without coming (the M-Paspor app, SIGNAL, Mobile JKN, a
 * web form): offered on the kiosk when a number cannot be taken now.
 */
export const OnlineChannelSchema = v.strictObject({
  kind: v.picklist(['app', 'web', 'whatsapp']),
  /** "M-Paspor", "Mobile JKN". */
  name: LocalTextSchema,
  /** A web address, a WhatsApp number, or where the app is found ("Google Play, App Store"). */
  address: nonEmpty,
  /** What can be done there. */
  note: v.optional(LocalTextSchema),
});
export const OnlineChannelsSchema = v.pipe(v.array(OnlineChannelSchema), v.minLength(1));

export const QuestionSchema = v.strictObject({ id: slug, text: LocalTextSchema });

export const RequirementSchema = v.strictObject({
  id: slug,
  label: LocalTextSchema,
  mandatory: v.boolean(),
  note: v.optional(LocalTextSchema),
  /** Alternatives: the requirement is met once any one of them is present. */
  anyOf: v.optional(
    v.pipe(
      v.array(v.strictObject({ id: slug, label: LocalTextSchema })),
      v.minLength(2, 'pilihan alternatif minimal 2'),
    ),
  ),
  /** Asked as a question first: the requirement applies only for this answer. */
  when: v.optional(v.strictObject({ question: slug, answer: v.boolean() })),
});

const rupiah = v.pipe(v.number(), v.integer(), v.minValue(0));
export const CostSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('free'),
    legalBasis: v.optional(nonEmpty),
    otherCosts: v.optional(LocalTextSchema),
  }),
  v.strictObject({
    kind: v.literal('fixed'),
    items: v.pipe(
      v.array(v.strictObject({ label: LocalTextSchema, amount: rupiah })),
      v.minLength(1),
    ),
    legalBasis: nonEmpty,
    otherCosts: v.optional(LocalTextSchema),
  }),
  v.strictObject({
    kind: v.literal('variable'),
    note: LocalTextSchema,
    legalBasis: nonEmpty,
    otherCosts: v.optional(LocalTextSchema),
  }),
]);

export const PrerequisiteSchema = v.strictObject({
  agency: slug,
  service: v.optional(slug),
  note: LocalTextSchema,
  /** Applies only for this answer to one of the service's questions (e.g. "under 19?"). */
  when: v.optional(v.strictObject({ question: slug, answer: v.boolean() })),
});

const prefix = v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/, 'prefiks 1–3 huruf kapital'));
const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));

export const ServiceSchema = v.strictObject({
  id: slug,
  name: LocalTextSchema,
  aliases: v.optional(v.array(nonEmpty)),
  description: v.optional(LocalTextSchema),
  /** Own queue prefix; otherwise the agency's queue. */
  prefix: v.optional(prefix),
  /**
   * The agency whose lokets serve it, when another agency's desk does (police services at
   * the Samsat desk): its tickets send the citizen there, and that desk's staff serve it
   * besides its own agency's. Listed under its own agency all the same.
   */
  servedAt: v.optional(slug),
  offeredAt: v.pipe(v.array(v.picklist(['lobby', 'mobile'])), v.minLength(1)),
  /** false: listed but "tidak tersedia di MPP ini". */
  available: v.optional(v.boolean()),
  dailyQuota: v.optional(positiveInt),
  openingHours: v.optional(OpeningHoursSchema),
  averageServiceMinutes: v.pipe(v.number(), v.minValue(1), v.maxValue(240)),
  legalBasis: v.optional(nonEmpty),
  questions: v.optional(v.array(QuestionSchema)),
  requirements: v.pipe(v.array(RequirementSchema), v.minLength(1)),
  procedure: v.pipe(v.array(LocalTextSchema), v.minLength(1)),
  duration: LocalTextSchema,
  cost: CostSchema,
  product: LocalTextSchema,
  complaints: v.optional(ComplaintsSchema),
  /** Online channels of this service; the agency's when absent. */
  onlineChannels: v.optional(OnlineChannelsSchema),
  prerequisites: v.optional(v.array(PrerequisiteSchema)),
  /**
   * Personal data this service asks for (UU 27/2022): optional for the citizen, given only
   * with their consent to `purpose`, masked on screen and ticket, kept apart from the queue's
   * log and forgotten after `site.privacy.retentionDays` (src/domain/personal-data.ts).
   */
  personalData: v.optional(
    v.strictObject({
      purpose: LocalTextSchema,
      fields: v.pipe(
        v.array(
          v.strictObject({ id: slug, kind: v.picklist(['phone', 'nik']), label: LocalTextSchema }),
        ),
        v.minLength(1),
        v.maxLength(3),
      ),
    }),
  ),
});

export const AgencySchema = v.strictObject({
  $schema: schemaRef,
  id: slug,
  name: LocalTextSchema,
  shortName: LocalTextSchema,
  aliases: v.optional(v.array(nonEmpty)),
  prefix,
  colour: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'warna #RRGGBB')),
  /** Where its lokets are: "Zona A, lantai 1", or in both languages. */
  zone: v.optional(v.union([nonEmpty, LocalTextSchema])),
  /** Number of loket serving this agency: used for wait estimates. */
  counters: positiveInt,
  openingHours: v.optional(OpeningHoursSchema),
  /** Default complaint channels for every service of this agency. */
  complaints: ComplaintsSchema,
  /** Online channels of every service of this agency that names none of its own. */
  onlineChannels: v.optional(OnlineChannelsSchema),
  services: v.pipe(v.array(ServiceSchema), v.minLength(1)),
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

export type LocalText = v.InferOutput<typeof LocalTextSchema>;
export type Weekday = v.InferOutput<typeof WeekdaySchema>;
export type HoursRule = v.InferOutput<typeof HoursRuleSchema>;
export type OpeningHours = v.InferOutput<typeof OpeningHoursSchema>;
export type Language = v.InferOutput<typeof LanguageSchema>;
export type AgencyGroup = v.InferOutput<typeof AgencyGroupSchema>;
export type Site = v.InferOutput<typeof SiteSchema>;
export type ComplaintChannel = v.InferOutput<typeof ComplaintChannelSchema>;
export type OnlineChannel = v.InferOutput<typeof OnlineChannelSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type Requirement = v.InferOutput<typeof RequirementSchema>;
export type Cost = v.InferOutput<typeof CostSchema>;
export type Prerequisite = v.InferOutput<typeof PrerequisiteSchema>;
export type Service = v.InferOutput<typeof ServiceSchema>;
export type Agency = v.InferOutput<typeof AgencySchema>;
export type Profile = v.InferOutput<typeof ProfileSchema>;
export type Visit = v.InferOutput<typeof VisitSchema>;
export type ConfigBundle = v.InferOutput<typeof ConfigBundleSchema>;
