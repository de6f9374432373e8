/**
 * The model of a fuzz run: the devices (honest and hostile kiosks, lokets and boards) with
 * their tokens, emergency tags, leases, acknowledged events and own deviceSeq, the admins
 * and staff, and what the server must hold — every accepted event's verdict, the printed
 * numbers, every block and quota token granted, every counter action on a ticket, and the
 * events the honest devices pulled.
 */
import type { KioskEvent } from '../../src/domain/events';
import type { Hlc } from '../../src/domain/hlc';
import type { SyncedEvent } from '../../src/domain/protocol';
import type { Site, Surface } from './config';
import type { ActionRef } from './counter-model';
import type { Person } from './staff-model';
import type { Stats } from './stats';

/** A block of numbers granted to one device. */
export type Block = { start: number; end: number; deviceId: string };

/** What the server must have decided about an accepted event. */
export type Verdict = { quarantine: string[]; flags: string[] };

/** An accepted ticket, for the public page checks. */
export type TicketRef = {
  id: string;
  day: string;
  number: string;
  serviceId: string;
  quarantined: boolean;
};

/** A device as the model knows it. */
export type Device = {
  honest: boolean;
  /** Its profile's surface, and the profile. */
  surface: Surface;
  profileId: string;
  /** A loket's number as the citizen is told it, and the ticket it believes it holds. */
  loket: string;
  holding: { id: string; day: string } | null;
  deviceId: string;
  token: string;
  tag: string;
  revoked: boolean;
  /** The last deviceSeq this device made. */
  seq: number;
  /** The last deviceSeq the server acknowledged. */
  ackSeq: number;
  /** Ids of its acknowledged events: ids[deviceSeq - 1]. */
  acked: string[];
  /** Made and not yet acknowledged (honest devices resend them). */
  outbox: KioskEvent[];
  /** A push's answer was lost (SIGKILL): until it resends, the server may hold more. */
  uncertain: boolean;
  lastHlc: Hlc | null;
  /** `day|prefix` → blocks granted, ascending. */
  blocks: Map<string, Block[]>;
  /** `day|prefix` → the last seq issued from its blocks. */
  used: Map<string, number>;
  /** `day|prefix` → the last seq issued from its own emergency namespace. */
  emergency: Map<string, number>;
  /** `day|serviceId` → quota tokens held and not used (by the kiosk's own count). */
  tokens: Map<string, number>;
  /** `day|serviceId` → quota tokens granted, and tickets the server recorded (used ones). */
  quotaGranted: Map<string, number>;
  recorded: Map<string, number>;
  /** Pulling (honest devices): cursor, the epoch it pulled in, and every id it holds. */
  cursor: number;
  epoch: string;
  holds: Set<string>;
};

/** What the server must hold and answer, and the run's bookkeeping. */
export type Model = {
  site: Site;
  stats: Stats;
  /** Requests this run may send; commands are skipped once it is spent. */
  budget: number;
  /** Steps between two periodic checks. */
  checkEvery: number;
  step: number;
  devices: Device[];
  adminTokens: string[];
  /** The server's epoch as last seen. */
  epoch: string;
  /** Unclean restarts so far: each moves every number head up by NUMBER_FENCE. */
  kills: number;
  verdicts: Map<string, Verdict>;
  /** Ids of flagged or quarantined events in the order they were stored. */
  flaggedOrder: string[];
  /** `day|number` of every accepted ticket that is not quarantined. */
  printed: Set<string>;
  /** `day|prefix` → every block granted, to anyone. */
  leases: Map<string, Block[]>;
  /** `day|serviceId` → quota tokens granted in all. */
  quotas: Map<string, number>;
  tickets: TicketRef[];
  ticketsById: Map<string, TicketRef>;
  /** `day|ticketId` → every stored, unquarantined counter action on it (ticket or not). */
  actions: Map<string, ActionRef[]>;
  /** Ticket ids counters acted on that no stored event issued (yet) → the action's day. */
  orphans: Map<string, string>;
  /** Events the server stored: its head; and how many of them are quarantined. */
  stored: number;
  hidden: number;
  /** The site's staff as the admins made them. */
  staff: Person[];
  /** Every event an honest device pulled, by id, and by business day. */
  pulled: Map<string, SyncedEvent>;
  byDay: Map<string, SyncedEvent[]>;
  /** Tickets pushed since the last periodic check (their public pages are checked then). */
  fresh: TicketRef[];
  /** When a wrong one-time code was last sent (attempt limits may then refuse honest ones). */
  lastWrongCodeAt: number;
  /** When a wrong staff set-up code was last sent. */
  lastWrongPinAt: number;
};

/** A device just enrolled. */
export function newDevice(
  honest: boolean,
  enrolled: { deviceId: string; token: string; tag: string },
  profile: { surface: Surface; profileId: string; loket: string },
): Device {
  return {
    honest,
    ...profile,
    holding: null,
    ...enrolled,
    revoked: false,
    seq: 0,
    ackSeq: 0,
    acked: [],
    outbox: [],
    uncertain: false,
    lastHlc: null,
    blocks: new Map(),
    used: new Map(),
    emergency: new Map(),
    tokens: new Map(),
    quotaGranted: new Map(),
    recorded: new Map(),
    cursor: 0,
    epoch: '',
    holds: new Set(),
  };
}

/** The model of a run before its first step. */
export function newModel(site: Site, stats: Stats, budget: number, checkEvery: number): Model {
  return {
    site,
    stats,
    budget,
    checkEvery,
    step: 0,
    devices: [],
    adminTokens: [],
    epoch: '',
    kills: 0,
    verdicts: new Map(),
    flaggedOrder: [],
    printed: new Set(),
    leases: new Map(),
    quotas: new Map(),
    tickets: [],
    ticketsById: new Map(),
    actions: new Map(),
    orphans: new Map(),
    stored: 0,
    hidden: 0,
    staff: [],
    pulled: new Map(),
    byDay: new Map(),
    fresh: [],
    lastWrongCodeAt: 0,
    lastWrongPinAt: 0,
  };
}

/** The model's key of a (day, prefix) or (day, service). */
export const key = (day: string, what: string) => `${day}|${what}`;

/** The honest kiosks (never revoked). */
export function honestDevices(model: Model): Device[] {
  return model.devices.filter((d) => d.honest && d.surface === 'kiosk');
}

/** The honest lokets (never revoked). */
export function honestCounters(model: Model): Device[] {
  return model.devices.filter((d) => d.honest && d.surface === 'counter');
}

/** Every honest device: each pulls the whole log. */
export function pullers(model: Model): Device[] {
  return model.devices.filter((d) => d.honest);
}

/** The hostile devices that still hold a valid token; with `revoked`, all of them. */
export function hostileDevices(model: Model, revoked = false): Device[] {
  return model.devices.filter((d) => !d.honest && (revoked || !d.revoked));
}

/** The item at `index` modulo the list's length; undefined for an empty list. */
export function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** The highest number of `day|prefix` granted to anyone (0 when none). */
export function highestGranted(model: Model, k: string): number {
  return (model.leases.get(k) ?? []).reduce((m, b) => Math.max(m, b.end), 0);
}

/** Numbers of `day|prefix` the device was granted in all. */
export function heldBy(device: Device, k: string): number {
  return (device.blocks.get(k) ?? []).reduce((n, b) => n + b.end - b.start + 1, 0);
}
