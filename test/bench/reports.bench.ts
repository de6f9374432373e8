/**
 * Admin reports benchmark (figures, not assertions): a site with REPORT_BENCH_DAYS days of
 * history (90 by default) and REPORT_BENCH_TICKETS tickets a day (3,334: about 300,000 in
 * all), each pushed over HTTP as devices do — the kiosk's ticket, and for 4 in 5 a
 * counter's call and finish — into the server's app in this process (SQLite in a temp dir).
 * Then the admin's first screen of reports, GET /api/v1/admin/reports for the whole period
 * by day: cold (every day folded from the store), warm (the days' summaries kept), and by
 * month; the JSON's size, and the process's memory before and after.
 * Run: npx tsx test/bench/reports.bench.ts (part of `npm run bench`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { KioskEvent } from '../../src/domain/events';
import { encodeHlc } from '../../src/domain/hlc';
import { addDays } from '../../src/domain/lease-days';
import { businessDayOf } from '../../src/domain/time';
import { hashCode, hashSecret, newCode, newToken } from '../../src/server/auth/secrets';
import { createApp } from '../../src/server/http/app';
import { openStore } from '../../src/server/store/open';
import { enrollOverHttp, type HttpDevice, pushOverHttp } from '../e2e/support/sync-http';
import { ticketAction, ticketIssued } from '../fixtures/events';
import { kioskBundle, withCounterProfile } from '../fixtures/kiosk';
import { quietLogger } from '../fixtures/logger';
import { seedStaff } from '../fixtures/staff';
import { machineInfo, ms } from './sync/stats';

const DAYS = Number(process.env.REPORT_BENCH_DAYS) || 90;
const PER_DAY = Number(process.env.REPORT_BENCH_TICKETS) || 3_334;
const KEY = Buffer.alloc(32, 9);
const BATCH = 500;
const SERVICES = [
  ['disdukcapil', 'disdukcapil-ktp-el-cetak-ulang', 'A'],
  ['disdukcapil', 'disdukcapil-kk-perubahan', 'A'],
  ['imigrasi', 'imigrasi-paspor-baru', 'D'],
] as const;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-reports-'));
  const store = await openStore({ dataDir });
  const config = withCounterProfile(kioskBundle());
  // A server on the store; a second one stands for the same server after a restart (its
  // memory empty, the store's summaries kept).
  const start = async () => {
    const app = createApp({
      store,
      config: () => config,
      appDir: join(dataDir, 'no-app'),
      version: 'bench',
      now: Date.now,
      secretKey: KEY,
      log: quietLogger(),
    });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((ready) => server.once('listening', ready));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { server, url: `http://127.0.0.1:${port}` };
  };
  const { server, url } = await start();
  const restarted = await start();
  try {
    const enroll = async (name: string, profileId?: string): Promise<HttpDevice> => {
      const code = newCode(12);
      const at = Date.now();
      const enrollment = { siteId: config.site.id, label: null, createdBy: 'bench', createdAt: at };
      await store.createEnrollment({
        ...enrollment,
        codeHash: hashCode(code, KEY),
        expiresAt: at + 3_600_000,
      });
      return enrollOverHttp(url, code, name, profileId);
    };
    const kiosk = await enroll('Anjungan');
    const counter = await enroll('Loket', 'loket');
    await seedStaff(store);
    await store.setBootstrapCode(hashCode('BENCH-CODE', KEY), Date.now());
    const token = newToken();
    await store.bootstrapAdmin(
      hashCode('BENCH-CODE', KEY),
      { adminId: randomUUID(), name: 'Bench', createdAt: Date.now() },
      {
        tokenId: randomUUID(),
        tokenHash: hashSecret(token),
        createdAt: Date.now(),
        expiresAt: Date.now() + 86_400_000,
      },
    );

    // History: DAYS days up to today, tickets through the day from 08.00 WIB.
    const today = businessDayOf(Date.now(), config.site.timeZone);
    const first = addDays(today, -(DAYS - 1));
    let kioskSeq = 0;
    let counterSeq = 0;
    let pushed = 0;
    const seedStarted = performance.now();
    const push = async (device: HttpDevice, events: KioskEvent[]) => {
      for (let i = 0; i < events.length; i += BATCH) {
        const answer = await pushOverHttp(url, device, events.slice(i, i + BATCH));
        if (answer.status !== 200) throw new Error(`push: ${answer.status}`);
      }
      pushed += events.length;
    };
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(first, d);
      const opens = Date.parse(`${day}T01:00:00Z`);
      const tickets: KioskEvent<'ticket.issued'>[] = [];
      const actions: KioskEvent[] = [];
      for (let i = 0; i < PER_DAY; i++) {
        const [agencyId, serviceId, prefix] = SERVICES[i % SERVICES.length] ?? SERVICES[0];
        const issuedAt = opens + Math.floor((i * 8 * 3_600_000) / PER_DAY);
        kioskSeq += 1;
        const t = ticketIssued({
          id: randomUUID(),
          siteId: kiosk.siteId,
          deviceId: kiosk.deviceId,
          deviceSeq: kioskSeq,
          businessDay: day,
          hlc: encodeHlc({ ms: issuedAt, counter: 0 }),
          data: {
            prefix,
            seq: i + 1,
            emergencyTag: kiosk.emergencyTag,
            agencyId,
            serviceId,
            issuedAt,
          },
        });
        tickets.push(t);
        if (i % 5 === 4) continue;
        const calledAt = issuedAt + (5 + (i % 40)) * 60_000;
        for (const [type, at, data] of [
          ['ticket.called', calledAt, { loket: '1' }],
          ['ticket.finished', calledAt + (3 + (i % 12)) * 60_000, { loket: '1', outcome: 'done' }],
        ] as const) {
          counterSeq += 1;
          actions.push({
            ...ticketAction(type, t, data),
            id: randomUUID(),
            siteId: counter.siteId,
            deviceId: counter.deviceId,
            deviceSeq: counterSeq,
            hlc: encodeHlc({ ms: at, counter: 0 }),
          } as KioskEvent);
        }
      }
      await push(kiosk, tickets);
      await push(counter, actions);
    }
    const seedMs = performance.now() - seedStarted;
    global.gc?.();
    const before = process.memoryUsage();
    const get = async (query: string, at = url) => {
      const started = performance.now();
      const response = await fetch(`${at}/api/v1/admin/reports?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`report: ${response.status} ${text}`);
      return { ms: performance.now() - started, bytes: text.length };
    };
    const period = `from=${first}&to=${today}`;
    const cold = await get(`${period}&by=day`);
    const warm = await get(`${period}&by=day`);
    const months = await get(`${period}&by=month`);
    const afterRestart = await get(`${period}&by=day`, restarted.url);
    const after = process.memoryUsage();

    console.log(`Reports: ${machineInfo()}`);
    console.log(
      `  history: ${DAYS} days × ${PER_DAY.toLocaleString('en')} tickets = ${(DAYS * PER_DAY).toLocaleString('en')} tickets, ${pushed.toLocaleString('en')} events pushed over HTTP in ${ms(seedMs)}`,
    );
    console.log(
      `  the whole period by day, the first time ever (every day folded, its summary stored): ${ms(cold.ms)}, ${(cold.bytes / 1024).toFixed(1)} KB of JSON`,
    );
    console.log(
      `  first screen of reports after a restart (the stored summaries): ${ms(afterRestart.ms)} (goal ≤ 1 s); again (in memory): ${ms(warm.ms)}; by month: ${ms(months.ms)}`,
    );
    console.log(
      `  memory of the process (server and this driver): RSS ${mb(before.rss)} → ${mb(after.rss)}, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
    );
  } finally {
    server.close();
    restarted.server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
