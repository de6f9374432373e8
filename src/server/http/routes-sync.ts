/**
 * The sync API of devices (device token): push events, pull the site's log. See
 * ARCHITECTURE.md §4. Must: a refused push stores nothing; the answer's ackSeq is what
 * the store durably holds; a commit with new events pokes the site's streams.
 */
import { Hono } from 'hono';
import type { ConfigBundle } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import { DEFAULT_MAX_DRIFT_MS } from '../../domain/hlc';
import type { PullResponse, PushResponse } from '../../domain/protocol';
import {
  DeviceHealthSchema,
  PullQuerySchema,
  parsePushRequest,
} from '../../domain/protocol-schema';
import { parseRequest } from '../../domain/request-fields';
import type { Surface } from '../../domain/trust';
import { requireDevice } from '../auth/guard';
import { batchIssues, foreignEventIssues, quarantineOf } from '../sync/push-rules';
import { staffKnowledge } from '../sync/staff-knowledge';
import { readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

/** POST /push and GET /pull (mounted under /sync). */
export function syncRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const device = requireDevice(deps);
  api.post('/push', device, async (c) => {
    const { deviceId, profileId } = c.get('device');
    const parsed = valid(parsePushRequest(await readJsonBody(c)));
    checkBatch(deps, deviceId, parsed.events);
    const siteId = deps.siteId();
    // Events a device made before the site was renamed are the site's under its new id.
    const events = parsed.events.map((event) =>
      event.siteId === siteId ? event : { ...event, siteId },
    );
    const known = await staffKnowledge(deps.store, deps.days, siteId, events);
    const surface = surfaceOf(deps.config(), profileId);
    const bookings = await knownBookings(deps, siteId, events);
    const quarantined = quarantineOf(events, deps.catalogue(), surface, known, bookings);
    const outcome = await deps.store.push({
      siteId,
      deviceId,
      events,
      receivedAt: deps.now(),
      maxDriftMs: DEFAULT_MAX_DRIFT_MS,
      quarantined,
    });
    if (outcome.kind === 'gap') {
      throw fail(409, 'gap', `Push from deviceSeq ${outcome.ackSeq + 1}.`, {
        ackSeq: outcome.ackSeq,
      });
    }
    if (outcome.kind === 'conflict') {
      throw fail(409, 'conflict', `Event ${outcome.eventId} is stored with another deviceSeq.`, {
        ackSeq: outcome.ackSeq,
      });
    }
    if (outcome.accepted > 0) {
      // Only what the store took: the events it skipped (deviceSeq it already holds, always
      // at the front of a batch) may differ from what it holds, and never count.
      const stored = events.slice(events.length - outcome.accepted);
      deps.days.apply(
        siteId,
        stored.filter((event) => !quarantined.has(event.id)),
      );
      deps.pokes.poke(siteId, outcome.head);
    }
    const answer: PushResponse = {
      ackSeq: outcome.ackSeq,
      accepted: outcome.accepted,
      flagged: outcome.flagged,
      quarantined: outcome.quarantined,
      epoch: deps.store.epoch,
      serverTime: deps.now(),
    };
    return c.json(answer);
  });
  // How the device stands, for the admin's list: kept as the device's last word on it.
  api.post('/health', device, async (c) => {
    const health = valid(parseRequest(DeviceHealthSchema, await readJsonBody(c)));
    const { deviceId } = c.get('device');
    const asked = health.testPrint?.askedAt ?? null;
    await deps.store.reportHealth(deviceId, JSON.stringify(health), deps.now(), asked);
    return c.json({ recorded: true });
  });
  api.get('/pull', device, async (c) => {
    const query = valid(parseRequest(PullQuerySchema, c.req.query()));
    const siteId = deps.siteId();
    // The caller's own events it says it holds would only come back to be skipped.
    const skip = { deviceId: c.get('device').deviceId, throughSeq: query.own };
    const { events, last } = await deps.store.pullPage(siteId, query.cursor, query.limit, skip);
    // Read the head after the page, so it is never below the page's last event.
    const cursor = last ?? query.cursor;
    const head = Math.max(await deps.store.head(siteId), last ?? 0);
    // What the device must follow, as the guard just read it with the token.
    const { profileId, testPrintAt } = c.get('device');
    const answer: PullResponse = {
      device: { profileId, testPrintAt },
      siteId,
      events,
      cursor,
      head,
      hasMore: cursor < head,
      epoch: deps.store.epoch,
      serverTime: deps.now(),
    };
    return c.json(answer);
  });
  return api;
}

/** Refuses a batch that is not wholly the caller's (403) or breaks a rule (400). */
function checkBatch(deps: ApiDeps, deviceId: string, events: Parameters<typeof batchIssues>[0]) {
  const foreign = foreignEventIssues(events, deviceId);
  if (foreign.length > 0) {
    throw fail(403, 'foreign_events', 'A device may push only its own events.', {
      issues: foreign.slice(0, 50),
    });
  }
  const issues = batchIssues(events, {
    siteIds: new Set([deps.siteId(), ...deps.formerSiteIds()]),
  });
  if (issues.length > 0) {
    throw fail(400, 'invalid_events', 'The batch breaks the push rules; see issues.', {
      issues: issues.slice(0, 50),
    });
  }
}

/** The surface of a device's profile in the current config; null when the profile left it. */
function surfaceOf(config: ConfigBundle, profileId: string): Surface | null {
  return config.profiles.find((p) => p.id === profileId)?.surface ?? null;
}

/** The codes of the batch's booked tickets that are bookings imported for the site. */
async function knownBookings(
  deps: ApiDeps,
  siteId: string,
  events: readonly KioskEvent[],
): Promise<ReadonlySet<string>> {
  const codes = new Set<string>();
  for (const event of events) {
    if (event.type === 'ticket.issued') {
      const code = (event as KioskEvent<'ticket.issued'>).data.booking?.code;
      if (code) codes.add(code);
    }
  }
  return codes.size === 0 ? codes : deps.store.knownBookingCodes(siteId, [...codes]);
}
