/**
 * The catalogue's schema: an agency and its services with their standar pelayanan
 * (requirements, procedure, cost, complaint and online channels, prerequisites).
 */
import * as v from 'valibot';
import {
  LocalTextSchema,
  nonEmpty,
  OpeningHoursSchema,
  positiveInt,
  prefix,
  schemaRef,
  slug,
} from './schema-fields';

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

export type ComplaintChannel = v.InferOutput<typeof ComplaintChannelSchema>;
export type OnlineChannel = v.InferOutput<typeof OnlineChannelSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type Requirement = v.InferOutput<typeof RequirementSchema>;
export type Cost = v.InferOutput<typeof CostSchema>;
export type Prerequisite = v.InferOutput<typeof PrerequisiteSchema>;
export type Service = v.InferOutput<typeof ServiceSchema>;
export type Agency = v.InferOutput<typeof AgencySchema>;
