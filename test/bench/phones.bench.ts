/**
 * Phone page benchmark (figures, not assertions): 200 phones follow their tickets on one
 * site server (GET /api/v1/tickets/:id/stream) while kiosks push and a counter calls. Each
 * call moves every waiting ticket of the queue one place up, so every phone must hear it.
 * Printed: from the counter's push answered to each phone's update, p50/p95/max over all
 * phones and calls; the server's CPU time and RSS (from /proc) over the run.
 * Run: npm run build && npx tsx test/bench/phones.bench.ts
 */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc } from '../../src/domain/hlc';
import { uuidv7From } from '../../src/domain/ids';
import type { StaffSetupResponse } from '../../src/domain/staff';
import { businessDayOf } from '../../src/domain/time';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import { startServer, writeConfigDir } from '../e2e/support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from '../e2e/support/sync-http';
import { ticketAction } from '../fixtures/events';

const PHONES = 200;
const CALLS = 20;
const KIOSK_PUSHES_PER_SECOND = 20;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

/** CPU ms (user + system) and RSS MB of a process, from /proc. */
function usage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rssPages = Number(stat[21]);
  return { cpuMs: (ticks * 1000) / 100, rssMb: (rssPages * 4096) / 1e6 };
}

/** Follows one ticket's stream; calls `onStatus` with the receive time of each update. */
async function follow(
  url: string,
  id: string,
  onStatus: (at: number) => void,
  signal: AbortSignal,
) {
  const response = await fetch(`${url}/api/v1/tickets/${id}/stream`, { signal });
  if (!response.ok || !response.body) throw new Error(`stream ${id}: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      if (buffer.slice(0, end).includes('event: status')) onStatus(performance.now());
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

async function main() {
  const config = alwaysOpenSample();
  const server = await startServer({ configDir: writeConfigDir(config) });
  const pid = server.process.pid ?? 0;
  const abort = new AbortController();
  try {
    const day = businessDayOf(Date.now(), config.site.timeZone);
    const desk = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Meja');
    const tickets = eventsOf(
      desk,
      PHONES + CALLS,
      day,
      Date.now() - 3_600_000,
    ) as KioskEvent<'ticket.issued'>[];
    for (let i = 0; i < tickets.length; i += 500) {
      await pushOverHttp(server.url, desk, tickets.slice(i, i + 500));
    }
    // A counter device (profile "loket"), and the person at it: the server keeps only the
    // calls of a person of its staff, of the ticket's agency.
    const counter = await enrollAs(server.url, await server.enrollmentCode(), 'loket');
    const created = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await server.adminToken()}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Sari',
        role: 'petugas',
        agencies: config.agencies.map((agency) => agency.id),
      }),
    });
    const { staffId } = ((await created.json()) as StaffSetupResponse).staff;

    const followed = tickets.slice(CALLS);
    const heard: number[][] = followed.map(() => []);
    await Promise.all(
      followed.map(
        (t, i) =>
          new Promise<void>((ready) => {
            void follow(
              server.url,
              t.id,
              (at) => {
                heard[i]?.push(at);
                ready();
              },
              abort.signal,
            ).catch(() => ready());
          }),
      ),
    );

    // Other kiosks push in the background all along.
    const kiosks = await Promise.all(
      [1, 2, 3, 4].map(async (n) =>
        enrollOverHttp(server.url, await server.enrollmentCode(), `K${n}`),
      ),
    );
    const seqs = kiosks.map(() => 0);
    const background = setInterval(
      () => {
        kiosks.forEach((k, i) => {
          seqs[i] = (seqs[i] ?? 0) + 1;
          const [event] = eventsOf(k, seqs[i] ?? 1, day).slice(-1);
          if (event) void pushOverHttp(server.url, k, [event]);
        });
      },
      (1000 * kiosks.length) / KIOSK_PUSHES_PER_SECOND,
    );

    const before = usage(pid);
    const started = performance.now();
    const latencies: number[] = [];
    for (let c = 0; c < CALLS; c++) {
      const ticket = tickets[c] as KioskEvent<'ticket.issued'>;
      const counts = heard.map((h) => h.length);
      const call = {
        ...ticketAction('ticket.called', ticket, { loket: '3', staffId }),
        id: uuidv7From(Date.now(), randomBytes(10)),
        siteId: ticket.siteId,
        deviceId: counter.deviceId,
        deviceSeq: c + 1,
        hlc: encodeHlc({ ms: Date.now(), counter: 0 }),
      };
      const answered = await pushOverHttp(server.url, counter, [call]).then(() =>
        performance.now(),
      );
      const deadline = Date.now() + 5_000;
      while (heard.some((h, i) => h.length <= (counts[i] ?? 0)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      heard.forEach((h, i) => {
        const at = h[counts[i] ?? 0];
        if (at !== undefined) latencies.push(Math.max(0, at - answered));
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const after = usage(pid);
    clearInterval(background);
    latencies.sort((a, b) => a - b);
    const expected = CALLS * PHONES;
    console.info(
      `${PHONES} phones following, ${CALLS} calls, kiosks pushing ${KIOSK_PUSHES_PER_SECOND}/s: ${latencies.length}/${expected} updates heard; push answered → phone updated p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    );
    console.info(
      `server over ${seconds.toFixed(1)} s: CPU ${(after.cpuMs - before.cpuMs).toFixed(0)} ms (${(((after.cpuMs - before.cpuMs) / 1000 / seconds) * 100).toFixed(0)}% of one core), RSS ${after.rssMb.toFixed(0)} MB`,
    );
  } finally {
    abort.abort();
    await server.stop();
  }
}

/** Enrolls a device over HTTP with a given profile. */
async function enrollAs(url: string, code: string, profileId: string) {
  const deviceId = crypto.randomUUID();
  const response = await fetch(`${url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceId, name: profileId, profileId }),
  });
  if (response.status !== 201) throw new Error(`enroll: ${response.status}`);
  const body = (await response.json()) as { token: string; siteId: string };
  return { deviceId, siteId: body.siteId, token: body.token };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
