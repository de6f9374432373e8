/**
 * The trust boundary (ARCHITECTURE.md §2.2): what the site server does with each field a
 * device pushes. A device's committed events cannot be refused when it may rightly have
 * committed them (it may have printed the ticket), but nothing it sends may hurt another:
 * - refused (4xx, nothing stored): what no device of ours can commit — the schema of
 *   ./event-schema.ts and the batch rules;
 * - quarantined: stored and acknowledged, listed for an admin, and kept out of number
 *   heads, quotas, the fold other devices and public pages see, and clocks;
 * - flagged: stored, in the fold like any other (a citizen holds the ticket), listed for
 *   an admin, never moving a number head, never a clock source.
 * TRUST_RULES is the table, field by field; `screenTicket` applies its config part,
 * ./trust-staff.ts its staff part (who may act on a ticket).
 */
import type { Profile } from './config/schema';
import type { EventType } from './events';

/** What a device is, by its profile: what it may record. */
export type Surface = Profile['surface'];

/**
 * Which devices may record which events: kiosks issue, counters call and serve, a mobile
 * unit does both, a display records nothing. Another device's event of a type it may not
 * record is quarantined, not refused: the device may have recorded it rightly under a
 * profile it had before, and its outbox must not stick behind it.
 */
export const EVENT_AUTHORS: { readonly [T in EventType]: readonly Surface[] } = {
  'ticket.issued': ['kiosk', 'mobile'],
  'ticket.called': ['counter', 'mobile'],
  'ticket.recalled': ['counter', 'mobile'],
  'ticket.serving': ['counter', 'mobile'],
  'ticket.finished': ['counter', 'mobile'],
  'ticket.no-show': ['counter', 'mobile'],
  'ticket.transferred': ['counter', 'mobile'],
  'counter.opened': ['counter', 'mobile'],
  'counter.paused': ['counter', 'mobile'],
  'counter.closed': ['counter', 'mobile'],
};

/** Whether a device of `surface` (null: its profile left the config) may record `type`. */
export function mayRecord(surface: Surface | null, type: EventType): boolean {
  return EVENT_AUTHORS[type].includes(surface ?? 'kiosk');
}

/** Why an accepted event is kept out of what other devices and public pages see. */
export type QuarantineReason =
  | 'unknown_service'
  | 'unknown_queue'
  | 'unknown_requirement'
  | 'not_allowed'
  | 'unknown_staff'
  | 'other_agency'
  | 'unknown_booking';
/** Why an accepted event that still counts is listed for an admin. */
export type FlagReason =
  | 'clock_ahead'
  | 'outside_lease'
  | 'foreign_namespace'
  | 'duplicate_number'
  | 'duplicate_booking';

/** What happens to one pushed field: refused, quarantined or flagged, and when. */
export type TrustRule = {
  field: string;
  refused: string;
  quarantined?: readonly { when: string; reason: QuarantineReason }[];
  flagged?: { when: string; reason: FlagReason };
};

/** Every field a device pushes, and what the server does with it. */
export const TRUST_RULES: readonly TrustRule[] = [
  { field: 'id', refused: 'not a UUID; stored already under another (device, seq): 409' },
  { field: 'siteId', refused: 'not this site' },
  { field: 'deviceId', refused: 'not the calling device: 403' },
  {
    field: 'deviceSeq',
    refused: 'not contiguous (inside the batch: 400; after the last stored: 409 gap)',
  },
  {
    field: 'hlc',
    refused: 'not the fixed-width HLC form',
    flagged: {
      when: 'ahead of the server clock by more than MAX_CLOCK_SKEW_MS',
      reason: 'clock_ahead',
    },
  },
  {
    field: 'businessDay',
    refused: 'not a calendar day (any day is accepted: a device may be weeks off)',
  },
  {
    field: 'type',
    refused: 'not a known event type',
    quarantined: [
      {
        when: "not a type the device's profile may record (EVENT_AUTHORS)",
        reason: 'not_allowed',
      },
    ],
  },
  { field: 'v', refused: 'not a whole number ≥ 1' },
  {
    field: 'data.number',
    refused: 'not "prefix-[tag]digits" agreeing with prefix, emergencyTag and seq',
    flagged: { when: 'printed already for that day by another ticket', reason: 'duplicate_number' },
  },
  {
    field: 'data.prefix',
    refused: 'not 1–3 capital letters',
    quarantined: [
      {
        when: 'not the queue of the service at its agency in any published config',
        reason: 'unknown_queue',
      },
    ],
  },
  {
    field: 'data.seq',
    refused: 'not a whole number from 1 to MAX_TICKET_SEQ',
    flagged: {
      when: 'outside every block leased to the device for that day and prefix',
      reason: 'outside_lease',
    },
  },
  {
    field: 'data.emergencyTag',
    refused: 'not 1–3 capital letters',
    flagged: { when: "not the device's own tag", reason: 'foreign_namespace' },
  },
  {
    field: 'data.agencyId',
    refused: 'empty or over 64 characters',
    quarantined: [
      {
        when: 'the service is not one of this agency in any published config',
        reason: 'unknown_service',
      },
    ],
  },
  {
    field: 'data.serviceId',
    refused: 'empty or over 64 characters',
    quarantined: [{ when: 'not a service in any published config', reason: 'unknown_service' }],
  },
  { field: 'data.priority', refused: 'not null or a priority category' },
  { field: 'data.purpose', refused: "not 'service' or 'consultation'" },
  {
    field: 'data.missing',
    refused:
      "over 50 ids or an id over 64 characters; on ticket.finished, an outcome other than 'incomplete'",
    quarantined: [
      {
        when: "an id that is not one of the service's requirements in any published config",
        reason: 'unknown_requirement',
      },
    ],
  },
  { field: 'data.channel', refused: "not 'kiosk' or 'mobile'" },
  { field: 'data.language', refused: "not 'id' or 'en'" },
  {
    field: 'data.issuedAt',
    refused: 'not a whole ms from 0 to the HLC range (shown only as a time)',
  },
  {
    field: 'data.booking',
    refused: 'not { code: 4–40 capitals, digits or dashes, arrivalMs within 16 h of issuedAt }',
    quarantined: [
      {
        when: 'a code no booking imported for the site has (a device claiming a place it was not given)',
        reason: 'unknown_booking',
      },
    ],
    flagged: {
      when: 'checked in already that day by another ticket (two kiosks offline at once): both stand',
      reason: 'duplicate_booking',
    },
  },
  {
    field: 'data.personalRef',
    refused: 'not a UUID (the personal data it refers to is sent apart, never in the log)',
  },
  {
    field: 'data.journey',
    refused:
      'not { id: UUID, step 1–5 of 2–5, after: UUID on every step but the first } (a wrong `after` holds only that ticket)',
  },
  // A counter's events.
  {
    field: 'data.ticketId',
    refused: 'not a UUID (a ticket the server has not seen yet is kept: its issue may follow)',
    quarantined: [
      {
        when:
          "the ticket is now of an agency that is not one of the person's (staffId), nor one some " +
          "of whose services the person's agency serves at its desk (servedAt): the agency " +
          "of its service after every transfer, as the server's queue state of the event's day " +
          'holds it when the batch arrives, then as the batch itself leaves it, in order (a ticket ' +
          'it issues, a transfer it makes, unless quarantined); a call by typed number, by the ' +
          'ticket of that number and day (./ticket-ref.ts). A ticket the server has not seen ' +
          'is accepted: the call may arrive before the ticket, and nothing is known to judge by',
        reason: 'other_agency',
      },
    ],
  },
  { field: 'data.loket', refused: 'not 1–4 digits or capital letters' },
  {
    field: 'data.staffId',
    refused: 'empty or over 64 characters',
    quarantined: [
      {
        when:
          "not the id of a person of this site's staff. A locked person's id is known, and a " +
          'person whose PIN was reset too: what they did offline before the lock or reset was ' +
          'rightful, and the server cannot tell before from after (a device clock proves nothing)',
        reason: 'unknown_staff',
      },
    ],
  },
  { field: 'data.mode', refused: "not 'next' or 'specific' (which needs a reason)" },
  { field: 'data.reason', refused: "not 'returned', 'appointment', 'urgent' or 'other'" },
  {
    field: 'data.unseen',
    refused:
      'on a call not out of order; a number not in its printed form without zero padding ("A-12"); a serviceId empty or over 64 characters. It only says what the counter knew: the ticket it names is joined by id, or by the reference id of its number (src/domain/ticket-ref.ts)',
  },
  { field: 'data.outcome', refused: "not 'done', 'received' or 'incomplete'" },
  {
    field: 'data.ready',
    refused:
      "on an outcome other than 'received'; not { date: a calendar day, place: 'mpp' or 'kelurahan' }",
  },
  {
    field: 'data.toAgencyId',
    refused:
      'empty or over 64 characters (any agency of the site: sending a citizen to another ' +
      "agency is what a transfer is for; the ticket is then that agency's to act on)",
    quarantined: [
      {
        when: 'the target service is not one of this agency in any published config',
        reason: 'unknown_service',
      },
    ],
  },
  {
    field: 'data.toServiceId',
    refused: 'empty or over 64 characters',
    quarantined: [{ when: 'not a service in any published config', reason: 'unknown_service' }],
  },
  {
    field: 'data.toPrefix',
    refused: 'not 1–3 capital letters',
    quarantined: [
      {
        when: 'not the queue of the target service in any published config',
        reason: 'unknown_queue',
      },
    ],
  },
  {
    field: 'data.serviceIds',
    refused: 'empty, over 50 ids, or an id over 64 characters',
    quarantined: [
      {
        when: 'an id that is not a service in any published config',
        reason: 'unknown_service',
      },
      {
        when: "a known service of no agency of the person's (staffId), nor served at their desk (servedAt): a loket serves only its staff's agencies and what their desk serves",
        reason: 'other_agency',
      },
    ],
  },
];
