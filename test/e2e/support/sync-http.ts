/**
 * Devices over plain HTTP against a running site server: enroll with a one-time code,
 * build valid ticket.issued events, push a batch, pull the whole log. No IndexedDB: the
 * caller keeps the events and the acks. Shared by the e2e tests and the sync benchmark.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { KioskEvent } from '../../../src/domain/events';
import { encodeHlc } from '../../../src/domain/hlc';
import { uuidv7From } from '../../../src/domain/ids';
import type { EnrollResponse, PullResponse, SyncedEvent } from '../../../src/domain/protocol';
import { ticketIssued } from '../../fixtures/events';

/** An enrolled device: its tickets are numbered from its own emergency namespace (A-K0001). */
export type HttpDevice = { deviceId: string; siteId: string; token: string; emergencyTag?: string };

/** Enrolls a new device (a fresh UUID) with a one-time code, profile 'lobi-utama' unless told. */
export async function enrollOverHttp(
  url: string,
  code: string,
  name: string,
  profileId = 'lobi-utama',
): Promise<HttpDevice> {
  const deviceId = randomUUID();
  const response = await fetch(`${url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceId, name, profileId }),
  });
  if (response.status !== 201) throw new Error(`enroll ${name}: ${response.status}`);
  const body = (await response.json()) as EnrollResponse;
  return { deviceId, siteId: body.siteId, token: body.token, emergencyTag: body.emergencyTag };
}

/**
 * `count` valid ticket.issued events of a device, deviceSeq 1…count, on `businessDay`,
 * numbered from the device's emergency namespace when it has a tag (no lease needed, so
 * they break no rule of src/domain/trust.ts), else as leased numbers of queue A.
 */
export function eventsOf(
  device: Pick<HttpDevice, 'deviceId' | 'siteId' | 'emergencyTag'>,
  count: number,
  businessDay: string,
  startMs = Date.now(),
): KioskEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const deviceSeq = i + 1;
    const ms = startMs + deviceSeq;
    return ticketIssued({
      // A UUIDv7, as devices make them: ids rise with time, as in a real log.
      id: uuidv7From(ms, randomBytes(10)),
      siteId: device.siteId,
      deviceId: device.deviceId,
      deviceSeq,
      hlc: encodeHlc({ ms, counter: 0 }),
      businessDay,
      data: {
        prefix: 'A',
        seq: deviceSeq,
        ...(device.emergencyTag ? { emergencyTag: device.emergencyTag } : {}),
        agencyId: 'disdukcapil',
        serviceId: 'disdukcapil-ktp-el-cetak-ulang',
        issuedAt: ms,
      },
    });
  });
}

/** A push's HTTP status and JSON body (ackSeq on 200 and on a 409). */
export type PushAnswer = { status: number; body: { ackSeq?: number; epoch?: string } };

/** POSTs a batch to /api/v1/sync/push; rejects only when no answer came. */
export async function pushOverHttp(
  url: string,
  device: HttpDevice,
  events: readonly KioskEvent[],
): Promise<PushAnswer> {
  const response = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  return pushAnswer(response.status, await response.text());
}

/** A push's answer from its status and body text (a body that is not JSON reads as {}). */
export function pushAnswer(status: number, text: string): PushAnswer {
  let body: PushAnswer['body'] = {};
  try {
    body = JSON.parse(text) as PushAnswer['body'];
  } catch {
    // not JSON: keep the status only
  }
  return { status, body };
}

/** The whole log from siteSeq 0, page by page, with the last page's head and epoch. */
export async function pullAllOverHttp(
  url: string,
  device: HttpDevice,
): Promise<{ events: SyncedEvent[]; head: number; epoch: string }> {
  const events: SyncedEvent[] = [];
  let cursor = 0;
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull?cursor=${cursor}&limit=500`, {
      headers: { Authorization: `Bearer ${device.token}` },
    });
    if (!response.ok) throw new Error(`pull: ${response.status}`);
    const page = (await response.json()) as PullResponse;
    events.push(...page.events);
    if (!page.hasMore || page.cursor <= cursor) {
      return { events, head: page.head, epoch: page.epoch };
    }
    cursor = page.cursor;
  }
}

/** A fresh PostgreSQL schema, and DATABASE_URL that makes it the server's search_path. */
export async function freshPgSchema(
  url: string,
  prefix: string,
): Promise<{ schema: string; databaseUrl: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const separator = url.includes('?') ? '&' : '?';
  return {
    schema,
    databaseUrl: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
