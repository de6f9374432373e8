/**
 * Kiosk benchmarks (figures, not assertions), in headless Chromium against the production
 * build served by the real site server, the page's CPU throttled 4× (heap: unthrottled):
 *  js     gzip bytes of all JS fetched from opening /kiosk to a ticket on screen;
 *  start  cold offline start (new browser process, server stopped), timed in the page from
 *         navigation to the attract button tappable and to the first agency tile after a
 *         tap the page makes itself — with 1 event in the day's log, and with 3,000
 *         (./kiosk/start.ts);
 *  tap    tap on "Ambil Nomor Antrean" → ticket number on screen, p50/p95 — at the first
 *         tickets of the day and with 3,000 events in the day's log;
 *  heap   the page's JS heap after forced GC, before and after 5,000 flows (attract → a
 *         ticket → attract) in one page session, driven by the page (./kiosk/flows.ts);
 *  queue  the queue state in Node (apply one event, fold of a busy day).
 * Run: npm run build, then npx tsx test/bench/kiosk.bench.ts [--only=js,start,tap,heap,queue]
 *      [--runs=10 (cold starts per set)] [--taps=30] [--flows=5000]
 */
import type { BrowserContext, Page } from 'playwright-core';
import { businessDayOf } from '../../src/domain/time';
import { freshProfileDir, launchProfile } from '../e2e/support/browser';
import { gzipBytes, KIOSK_JS_BUDGET_BYTES, recordScripts } from '../e2e/support/js-bytes';
import {
  button,
  instrument,
  setUpDevice,
  takeKtpTicket,
  waitForServiceWorker,
} from '../e2e/support/kiosk-page';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from '../e2e/support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from '../e2e/support/sync-http';
import { confirmToTicket, heapAfterGc, openKiosk, runFlows } from './kiosk/flows';
import {
  CPU_SLOWDOWN,
  coldOfflineStarts,
  medianOf,
  type StartTimes,
  throttle,
} from './kiosk/start';
import { runQueueBench } from './queue.bench';

const PROFILE = 'Anjungan lobi utama (printer 80 mm)';
/** Tickets in the log of a busy day (the issue: 3,000). */
const BUSY_DAY = 3_000;
const FLOWS_PER_BATCH = 500;
const WARM_FLOWS = 20;

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}
const ONLY = new Set(option('only', 'js,start,tap,heap,queue').split(','));
const RUNS = Number(option('runs', '10'));
const TAPS = Number(option('taps', '30'));
const FLOWS = Number(option('flows', '5000'));

async function throttled(context: BrowserContext, fresh = false): Promise<Page> {
  const page = (!fresh && context.pages()[0]) || (await context.newPage());
  await throttle(context, page);
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

/** Pushes `count` tickets of today from another device and waits until the kiosk holds them. */
async function seedDay(
  server: RunningServer,
  adminToken: string,
  profileDir: string,
  count: number,
): Promise<number> {
  const device = await enrollOverHttp(server.url, await enrollmentCode(server, adminToken), 'Seed');
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

/** A one-time enrollment code from the first admin (a restarted server spent its bootstrap). */
async function enrollmentCode(server: RunningServer, adminToken: string): Promise<string> {
  const created = await fetch(`${server.url}/api/v1/admin/enrollments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await created.json()) as { code: string }).code;
}

/** An enrolled kiosk with one ticket in its log, its service worker in control. */
async function kioskWithOneTicket(server: RunningServer, adminToken: string): Promise<string> {
  const dir = freshProfileDir();
  const context = await launchProfile(dir);
  await instrument(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/kiosk`);
  await setUpDevice(page, {
    code: await enrollmentCode(server, adminToken),
    name: 'Start',
    profile: PROFILE,
  });
  await takeKtpTicket(page);
  await button(page, 'Selesai').click();
  await waitForServiceWorker(page);
  await context.close();
  return dir;
}

async function main() {
  const configDir = writeConfigDir(alwaysOpenSample());
  let server = await startServer({ configDir });
  const adminToken = await server.adminToken();
  const restart = async () => {
    server = await startServer({ configDir, port: server.port, dataDir: server.dataDir });
  };
  const out: string[] = [];
  const say = (line: string) => {
    out.push(line);
    console.info(line);
  };
  say(
    `Anjungan kiosk benchmark — headless Chromium, page CPU throttled ${CPU_SLOWDOWN}× (heap: unthrottled), production build`,
  );

  const js = ONLY.has('js') || ONLY.has('tap') ? await measureJs(server) : null;
  if (js && ONLY.has('js')) {
    const sum = (list: { bytes: number }[]) => list.reduce((s, f) => s + f.bytes, 0);
    say(`js: gzip bytes (budget to a ticket ${KIOSK_JS_BUDGET_BYTES}):`);
    say(
      `   set-up kiosk, common path, everything fetched (sync and the queue state load in the background) ... ${sum(js.commonPath)} (${js.commonPath.length} files)`,
    );
    say(
      '   (what a ticket needs, the background code refused: test/e2e/bundle-budget.test.ts prints it)',
    );
    say(`   longest path (search, English, missing list, prerequisite) ... ${sum(js.longestPath)}`);
    say(`   first start ever (device set-up, config validation) ........ ${sum(js.firstEver)}`);
  }
  const taps = (label: string, list: number[]) =>
    say(
      `   ${label}: p50 ${ms(quantile(list, 0.5))}, p95 ${ms(quantile(list, 0.95))} (${list.length} taps)`,
    );
  if (js && ONLY.has('tap')) {
    const { context, page } = await openKiosk(js.profileDir, server.url, true);
    say(`tap: confirm → ticket number visible, ${CPU_SLOWDOWN}× throttle, in-page timing:`);
    taps('the first tickets of the day', await confirmToTicket(page, TAPS));
    await context.close();
  }
  const starts = (label: string, runs: StartTimes[]) =>
    say(
      `   ${label}: attract tappable median ${ms(medianOf(runs, 'attract'))} (${spread(runs, 'attract')}), first tile ${ms(medianOf(runs, 'tile'))} (${spread(runs, 'tile')}); html from the service worker ${ms(medianOf(runs, 'html'))}, first screen in the DOM ${ms(medianOf(runs, 'boot'))}`,
    );
  const startProfile =
    ONLY.has('start') || ONLY.has('tap') ? await kioskWithOneTicket(server, adminToken) : '';
  if (ONLY.has('start')) {
    await server.stop();
    say(`start: cold offline start, ${CPU_SLOWDOWN}× throttle, in-page timing, ${RUNS} runs each:`);
    starts('1 event in the day', await coldOfflineStarts(startProfile, server.url, RUNS));
    await restart();
  }
  if (ONLY.has('start') || ONLY.has('tap')) {
    const held = await seedDay(server, adminToken, startProfile, BUSY_DAY);
    if (ONLY.has('start')) {
      await server.stop();
      starts(`${held} events in the day`, await coldOfflineStarts(startProfile, server.url, RUNS));
      await restart();
    }
    if (ONLY.has('tap')) {
      const { context, page } = await openKiosk(startProfile, server.url, true);
      taps(`with ${held} events in the day`, await confirmToTicket(page, TAPS));
      await context.close();
    }
  }
  if (ONLY.has('heap')) {
    const dir = await kioskWithOneTicket(server, adminToken);
    const { context, page } = await openKiosk(dir, server.url, false);
    // Warm: the lazy code (sync, the queue state, the idle duties, rarer screens) is in.
    await runFlows(page, WARM_FLOWS);
    await page.waitForTimeout(3_000);
    const before = await heapAfterGc(context, page);
    const marks: string[] = [];
    const started = Date.now();
    for (let done = 0; done < FLOWS; ) {
      const batch = Math.min(FLOWS_PER_BATCH, FLOWS - done);
      await runFlows(page, batch);
      done += batch;
      if (done % 1000 === 0 || done === FLOWS)
        marks.push(`${done}: ${mb(await heapAfterGc(context, page))}`);
    }
    const after = await heapAfterGc(context, page);
    await context.close();
    say(
      `heap: JS heap after forced GC, one page session, ${FLOWS} flows (attract → ticket → attract), unthrottled, ${((Date.now() - started) / 1000).toFixed(0)} s:`,
    );
    say(
      `   before (after ${WARM_FLOWS} warm-up flows) ${mb(before)}, after ${mb(after)}: growth ${mb(after - before)} (goal ≤ 5 MB)`,
    );
    say(`   after n flows — ${marks.join(', ')}`);
  }
  if (ONLY.has('queue')) {
    say('queue: the queue state in Node (test/bench/queue.bench.ts):');
    for (const line of runQueueBench()) say(`   ${line}`);
  }
  await server.stop();
  console.info(`\n${out.join('\n')}`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
function spread(runs: StartTimes[], mark: keyof StartTimes): string {
  const sorted = runs.map((r) => r[mark]).sort((a, b) => a - b);
  return `${ms(sorted[0] ?? 0)}–${ms(sorted.at(-1) ?? 0)}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
