/**
 * The event log's envelope and the payload of each event type. Every state change on
 * any device is one of these, appended locally first and never modified.
 * Must: `id` is made once and reused on every resend; `deviceSeq` is contiguous per
 * device; `hlc` strictly increases per device (see ./hlc.ts).
 */
import * as v from 'valibot';

export const PRIORITY_CATEGORIES = ['lansia', 'disabilitas', 'hamil', 'balita'] as const;
/** A priority group, stored as a category only (never a reason or a health detail). */
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

export const TicketIssuedSchema = v.strictObject({
  /** Printed number, e.g. "A-012"; emergency numbers carry the device tag: "A-K001". */
  number: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}-[A-Z]?\d{2,4}$/)),
  /** Queue = ticket prefix. */
  prefix: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Device tag when the number comes from the device's own namespace. */
  emergencyTag: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]$/))),
  agencyId: v.string(),
  serviceId: v.string(),
  priority: v.nullable(v.picklist(PRIORITY_CATEGORIES)),
  /** 'consultation' when a mandatory requirement was missing and the citizen queued anyway. */
  purpose: v.picklist(['service', 'consultation']),
  /** Ids of requirements the citizen marked as missing (no personal data). */
  missing: v.array(v.string()),
  channel: v.picklist(['kiosk', 'mobile']),
  language: v.picklist(['id', 'en']),
  /** Wall-clock ms (device clock + server offset) when issued; for display only. */
  issuedAt: v.number(),
});
export type TicketIssued = v.InferOutput<typeof TicketIssuedSchema>;

/** Payload schemas by event type. New types are added here, never repurposed. */
export const EVENT_DATA = {
  'ticket.issued': TicketIssuedSchema,
} as const;
export type EventType = keyof typeof EVENT_DATA;
export type EventData<T extends EventType> = v.InferOutput<(typeof EVENT_DATA)[T]>;

export const EVENT_SCHEMA_VERSION = 1;

/** One immutable fact in the log. */
export type KioskEvent<T extends EventType = EventType> = {
  id: string;
  siteId: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  businessDay: string;
  type: T;
  data: EventData<T>;
  v: number;
};

export const EnvelopeSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  siteId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  deviceSeq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  hlc: v.pipe(v.string(), v.regex(/^[0-9a-f]{12}-[0-9a-f]{4}$/)),
  businessDay: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  type: v.picklist(Object.keys(EVENT_DATA) as EventType[]),
  data: v.unknown(),
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export type EventIssue = { path: string; message: string };

/** Validates an event from outside (network, storage) and its payload for its type. */
export function parseEvent(
  input: unknown,
): { ok: true; event: KioskEvent } | { ok: false; issues: EventIssue[] } {
  const envelope = v.safeParse(EnvelopeSchema, input);
  if (!envelope.success) return { ok: false, issues: toIssues(envelope.issues) };
  const data = v.safeParse(EVENT_DATA[envelope.output.type], envelope.output.data);
  if (!data.success) {
    return {
      ok: false,
      issues: toIssues(data.issues).map((i) => ({ ...i, path: `data${i.path}` })),
    };
  }
  return { ok: true, event: { ...envelope.output, data: data.output } as KioskEvent };
}

function toIssues(issues: readonly v.BaseIssue<unknown>[]): EventIssue[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => `.${String(p.key)}`).join(''),
    message: issue.message,
  }));
}

/** Narrows an event to one type. */
export function isEventOf<T extends EventType>(event: KioskEvent, type: T): event is KioskEvent<T> {
  return event.type === type;
}
