/**
 * Kiosk benchmarks (figures, not assertions), in headless Chromium against the production
 * build served by the real site server, with the CPU throttled 4×:
 *  1. gzip bytes of all JS fetched from opening /kiosk to a ticket on screen;
 *  2. cold offline start (new browser process, server stopped) to the first agency tile
 *     tappable, median of 10 — with a few dozen events in the day's log, and with 3,000;
 *  3. tap on "Ambil Nomor Antrean" to the ticket number visible, p50/p95 of 30 — at the
 *     first tickets of the day and with 3,000 events in the day's log;
 *  4. the queue state in Node (apply one event, fold of a busy day).
 * Run: npm run bench (builds first).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { businessDayOf } from '../../src/domain/time';
import { freshProfileDir, launchProfile } from '../e2e/support/browser';
import { gzipBytes, KIOSK_JS_BUDGET_BYTES, recordScripts } from '../e2e/support/js-bytes';
import {
  button,
  instrument,
  markAllPresent,
  setUpDevice,
  takeKtpTicket,
} from '../e2e/support/kiosk-page';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from '../e2e/support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from '../e2e/support/sync-http';
import { runQueueBench } from './queue.bench';

const CPU_SLOWDOWN = 4;
const PROFILE = 'Anjungan lobi utama (printer 80 mm)';
/** Tickets in the log of a busy day (the issue: 3,000). */
const BUSY_DAY = 3_000;

async function throttled(context: BrowserContext, fresh = false): Promise<Page> {
  const page = (!fresh && context.pages()[0]) || (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Walks the worst path: search, English, a missing document, a prerequisite. */
async function takeLongestPath(page: Page): Promise<void> {
  await button(page, 'English').click();
  await page.getByLabel('Search agencies or services…').fill('reprint');
  await button(page, 'KTP-el reprint (damaged, lost or changed data)').click();
  await button(page, 'Check Requirements').click();
  await button(page, 'Yes').click();
  const check = (group: string, mark: 'I have it' | 'Not yet') =>
    page
      .getByRole('group', { name: group })
      .getByRole('button', { name: mark, exact: true })
      .click();
  await check('Original family card (KK)', 'I have it');
  await check('Police loss report', 'Not yet');
  await button(page, 'Continue').click();
  await button(page, 'Take a number anyway, for a consultation').click();
  await button(page, 'Done, continue').click();
  await button(page, 'No').click();
  await button(page, 'Take a Queue Number').click();
  await page.getByRole('heading', { name: 'Your Queue Number' }).waitFor();
}

async function measureJs(server: RunningServer) {
  const url = server.url;
  const dir = freshProfileDir();
  const context = await launchProfile(dir);
  await instrument(context);
  const first = await throttled(context);
  const firstScripts = recordScripts(first);
  await first.goto(`${url}/kiosk`);
  await setUpDevice(first, {
    code: await server.enrollmentCode(),
    name: 'Bench',
    profile: PROFILE,
  });
  await takeKtpTicket(first);
  const firstEver = gzipBytes(firstScripts());
  await first.close();

  const common = await throttled(context, true);
  const commonScripts = recordScripts(common);
  await common.goto(`${url}/kiosk`);
  await takeKtpTicket(common);
  const commonPath = gzipBytes(commonScripts());
  await common.close();

  const longest = await throttled(context, true);
  const longestScripts = recordScripts(longest);
  await longest.goto(`${url}/kiosk`);
  await takeLongestPath(longest);
  const longestPath = gzipBytes(longestScripts());
  await context.close();
  return { firstEver, commonPath, longestPath, profileDir: dir };
}

async function coldOfflineStarts(profileDir: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await launchProfile(profileDir);
    await instrument(context);
    await context.addInitScript(() => {
      const w = window as unknown as { __tileAt?: number };
      new MutationObserver((_, observer) => {
        const tile = document.querySelector<HTMLButtonElement>('button.tile');
        if (tile && !tile.disabled) {
          w.__tileAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await throttled(context);
    await page.goto(`${servedUrl}/kiosk`);
    await button(page, 'Sentuh untuk mulai').click();
    await page.locator('button.tile').first().waitFor();
    times.push(await page.evaluate(() => (window as unknown as { __tileAt: number }).__tileAt));
    await context.close();
  }
  return times.sort((a, b) => a - b);
}

async function confirmToTicket(profileDir: string, url: string, runs: number): Promise<number[]> {
  const context = await launchProfile(profileDir);
  await instrument(context);
  const page = await throttled(context);
  await page.goto(`${url}/kiosk`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await button(page, 'Sentuh untuk mulai').click();
    await button(page, 'Disdukcapil').click();
    await button(page, 'Akta kelahiran').click();
    await button(page, 'Periksa Persyaratan').click();
    await markAllPresent(page);
    await button(page, 'Tidak').click();
    await button(page, 'Ambil Nomor Antrean').waitFor();
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const confirm = [...document.querySelectorAll('button')].find(
              (b) => b.textContent === 'Ambil Nomor Antrean',
            );
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('.ticket-number')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            confirm?.click();
          }),
      ),
    );
    await button(page, 'Selesai').click();
  }
  await context.close();
  return times.sort((a, b) => a - b);
}

let servedUrl = '';

/** Pushes `count` tickets of today from another device and waits until the kiosk holds them. */
async function seedDay(
  server: RunningServer,
  adminToken: string,
  profileDir: string,
  count: number,
): Promise<number> {
  // The restarted server spent its bootstrap code: the first admin's token makes the code.
  const created = await fetch(`${server.url}/api/v1/admin/enrollments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const { code } = (await created.json()) as { code: string };
  const device = await enrollOverHttp(server.url, code, 'Seed');
  const day = businessDayOf(Date.now(), alwaysOpenSample().site.timeZone);
  const events = eventsOf(device, count, day, Date.now() - 3_600_000);
  for (let i = 0; i < events.length; i += 500) {
    const answer = await pushOverHttp(server.url, device, events.slice(i, i + 500));
    if (answer.status !== 200) throw new Error(`seed push: ${answer.status}`);
  }
  const context = await launchProfile(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/kiosk`);
  const held = async () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('anjungan');
          open.onsuccess = () => {
            const counted = open.result.transaction('events').objectStore('events').count();
            counted.onsuccess = () => resolve(counted.result);
          };
        }),
    );
  const deadline = Date.now() + 60_000;
  let total = await held();
  while (total < count && Date.now() < deadline) {
    await page.waitForTimeout(500);
    total = await held();
  }
  await context.close();
  return total;
}

async function main() {
  const configDir = writeConfigDir(alwaysOpenSample());
  let server = await startServer({ configDir });
  servedUrl = server.url;
  const js = await measureJs(server);
  const sum = (list: { bytes: number }[]) => list.reduce((s, f) => s + f.bytes, 0);
  const smallTickets = await confirmToTicket(js.profileDir, server.url, 30);
  const adminToken = await server.adminToken();
  const restart = async () => {
    server = await startServer({ configDir, port: server.port, dataDir: server.dataDir });
  };
  await server.stop();
  const smallStarts = await coldOfflineStarts(js.profileDir, 10);
  await restart();
  const held = await seedDay(server, adminToken, js.profileDir, BUSY_DAY);
  const busyTickets = await confirmToTicket(js.profileDir, server.url, 30);
  await server.stop();
  const busyStarts = await coldOfflineStarts(js.profileDir, 10);

  console.info(
    `Anjungan kiosk benchmark — headless Chromium, CPU throttled ${CPU_SLOWDOWN}×, production build`,
  );
  console.info(`1. JS, gzip bytes (budget to a ticket ${KIOSK_JS_BUDGET_BYTES}):`);
  console.info(
    `   set-up kiosk, common path, everything fetched (sync and the queue state load in the background) ... ${sum(js.commonPath)} (${js.commonPath.length} files)`,
  );
  console.info(
    '   (what a ticket needs, the background code refused: test/e2e/bundle-budget.test.ts prints it)',
  );
  console.info(
    `   longest path (search, English, missing list, prerequisite) ... ${sum(js.longestPath)}`,
  );
  console.info(
    `   first start ever (device set-up, config validation) ........ ${sum(js.firstEver)}`,
  );
  const starts = (label: string, list: number[]) =>
    console.info(
      `   ${label}: median ${ms(quantile(list, 0.5))} (min ${ms(list[0] ?? 0)}, max ${ms(list.at(-1) ?? 0)})`,
    );
  console.info('2. cold offline start → first agency tile tappable, 10 runs each:');
  starts('a few dozen events in the day', smallStarts);
  starts(`${held} events in the day`, busyStarts);
  const taps = (label: string, list: number[]) =>
    console.info(`   ${label}: p50 ${ms(quantile(list, 0.5))}, p95 ${ms(quantile(list, 0.95))}`);
  console.info('3. tap on confirm → ticket number visible, 30 runs each:');
  taps('the first tickets of the day', smallTickets);
  taps(`with ${held} events in the day`, busyTickets);
  console.info('4. the queue state in Node (test/bench/queue.bench.ts):');
  for (const line of runQueueBench()) console.info(`   ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
