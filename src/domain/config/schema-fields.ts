/**
 * The config schema's building blocks: bounded fields (slugs, times, dates, prefixes), a
 * text in Indonesian and English, opening hours, languages and time zones (./schema.ts).
 */
import * as v from 'valibot';

export const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'harus huruf kecil, angka dan tanda hubung (slug)'),
  v.maxLength(64),
);
export const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'tidak boleh kosong'));
export const hhmm = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format jam HH:MM'));
export const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'format tanggal YYYY-MM-DD'),
);
export const schemaRef = v.optional(v.string());

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

export const prefix = v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/, 'prefiks 1–3 huruf kapital'));
export const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));

export type LocalText = v.InferOutput<typeof LocalTextSchema>;
export type Weekday = v.InferOutput<typeof WeekdaySchema>;
export type HoursRule = v.InferOutput<typeof HoursRuleSchema>;
export type OpeningHours = v.InferOutput<typeof OpeningHoursSchema>;
export type Language = v.InferOutput<typeof LanguageSchema>;
