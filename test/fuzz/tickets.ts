/**
 * Tickets as a kiosk makes them: the next number from the device's leased blocks (or,
 * with none left, from its own emergency namespace today), a fresh UUIDv7, the next
 * deviceSeq and an HLC that strictly increases per device.
 */
import { randomBytes } from 'node:crypto';
import { EVENT_SCHEMA_VERSION, type KioskEvent, type TicketIssued } from '../../src/domain/events';
import { encodeHlc, nextHlc } from '../../src/domain/hlc';
import { uuidv7From } from '../../src/domain/ids';
import { formatTicketNumber } from '../../src/domain/numbering';
import { dayAhead, type KnownService } from './config';
import { type Device, key, type Model } from './model';

/** Where a ticket's number comes from. */
export type NumberChoice = { day: string; seq: number; emergencyTag?: string };

/**
 * The device's next number in `prefix`: from the blocks of one of the days it holds
 * numbers for (`dayPick` chooses; today first when `dayPick` is 0), else emergency today.
 * Marks it used.
 */
export function takeNumber(
  model: Model,
  device: Device,
  prefix: string,
  dayPick: number,
): NumberChoice {
  const today = dayAhead(model.site, 0);
  const open: { day: string; seq: number }[] = [];
  for (const [k, blocks] of device.blocks) {
    const [day, p] = k.split('|') as [string, string];
    if (p !== prefix || day < today) continue;
    const last = device.used.get(k) ?? 0;
    const next = blocks
      .map((b) => Math.max(b.start, last + 1))
      .find((s, i) => s <= (blocks[i]?.end ?? 0));
    if (next !== undefined) open.push({ day, seq: next });
  }
  open.sort((a, b) => a.day.localeCompare(b.day));
  const chosen = open[dayPick % Math.max(1, open.length)];
  if (chosen !== undefined) {
    device.used.set(key(chosen.day, prefix), chosen.seq);
    return chosen;
  }
  const k = key(today, prefix);
  const seq = (device.emergency.get(k) ?? 0) + 1;
  device.emergency.set(k, seq);
  return { day: today, seq, emergencyTag: device.tag };
}

/** Ticket payload fields a command may set besides the number. */
export type TicketParts = Partial<TicketIssued> & { businessDay?: string; hlcMs?: number };

/** The device's next event: a ticket of `service` numbered by `choice`, with `parts` over it. */
export function makeTicket(
  model: Model,
  device: Device,
  service: KnownService,
  choice: NumberChoice,
  parts: TicketParts = {},
): KioskEvent<'ticket.issued'> {
  const { businessDay, hlcMs, ...overrides } = parts;
  const now = Date.now();
  device.lastHlc = nextHlc(device.lastHlc, now);
  const hlc = hlcMs === undefined ? device.lastHlc : { ms: hlcMs, counter: 0 };
  device.seq += 1;
  const data: TicketIssued = {
    number: formatTicketNumber({
      prefix: service.prefix,
      seq: choice.seq,
      digits: model.site.config.site.numbering.digits,
      emergencyTag: choice.emergencyTag,
    }),
    prefix: service.prefix,
    seq: choice.seq,
    ...(choice.emergencyTag === undefined ? {} : { emergencyTag: choice.emergencyTag }),
    agencyId: service.agencyId,
    serviceId: service.serviceId,
    priority: null,
    purpose: 'service',
    missing: [],
    channel: 'kiosk',
    language: 'id',
    issuedAt: now,
    ...overrides,
  };
  return {
    id: uuidv7From(now, randomBytes(10)),
    siteId: model.site.siteId,
    deviceId: device.deviceId,
    deviceSeq: device.seq,
    hlc: encodeHlc(hlc),
    businessDay: businessDay ?? choice.day,
    type: 'ticket.issued',
    data,
    v: EVENT_SCHEMA_VERSION,
  };
}

/** A service an honest kiosk may issue now: one with a quota only while it holds a token. */
export function honestService(model: Model, device: Device, index: number): KnownService {
  const today = dayAhead(model.site, 0);
  const usable = model.site.services.filter((s) => {
    if (s.quota === undefined) return true;
    return (device.tokens.get(key(today, s.serviceId)) ?? 0) > 0;
  });
  const service = usable[index % usable.length] as KnownService;
  if (service.quota !== undefined) {
    const k = key(today, service.serviceId);
    device.tokens.set(k, (device.tokens.get(k) ?? 1) - 1);
  }
  return service;
}
