/**
 * The event log's envelope and the payload of each event type. Every state change on
 * any device is one of these, appended locally first and never modified.
 * Must: `id` is made once and reused on every resend; `deviceSeq` is contiguous per
 * device; `hlc` strictly increases per device (see ./hlc.ts). The validators live in
 * ./event-schema.ts, so code that only writes events does not carry them.
 */

export const PRIORITY_CATEGORIES = ['lansia', 'disabilitas', 'hamil', 'balita'] as const;
/** A priority group, stored as a category only (never a reason or a health detail). */
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

/** A ticket was issued: the number and what it is for; never personal data. */
export type TicketIssued = {
  /** Printed number, e.g. "A-012"; emergency numbers carry the device tag: "A-K001". */
  number: string;
  /** Queue = ticket prefix. */
  prefix: string;
  seq: number;
  /** Device tag when the number comes from the device's own namespace. */
  emergencyTag?: string;
  agencyId: string;
  serviceId: string;
  priority: PriorityCategory | null;
  /** 'consultation' when a mandatory requirement was missing and the citizen queued anyway. */
  purpose: 'service' | 'consultation';
  /** Ids of requirements the citizen marked as missing (no personal data). */
  missing: string[];
  channel: 'kiosk' | 'mobile';
  language: 'id' | 'en';
  /** Wall-clock ms (device clock + server offset) when issued; for display only. */
  issuedAt: number;
};

/** Payload type by event type. New types are added here, never repurposed. */
export type EventPayloads = {
  'ticket.issued': TicketIssued;
};
export type EventType = keyof EventPayloads;
export type EventData<T extends EventType> = EventPayloads[T];

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

/** Narrows an event to one type. */
export function isEventOf<T extends EventType>(event: KioskEvent, type: T): event is KioskEvent<T> {
  return event.type === type;
}
