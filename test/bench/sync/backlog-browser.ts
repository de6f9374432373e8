/**
 * Backlog in a browser: as ./backlog.ts, but the device is the real sync client running in
 * headless Chromium (Debian's, driven by playwright-core) on Chromium's real IndexedDB,
 * on disk in a fresh profile (SYNC_BENCH_BROWSER_STORAGE=memory: an off-the-record
 * context, whose IndexedDB lives in memory). ./backlog-browser-entry.ts is bundled with
 * Vite into a temp dir and served, with a bare page, from the site server's own origin
 * (a Playwright route, removed before anything is timed), so every sync request is a
 * same-origin fetch to the real server on loopback. The device seeds 10,000 tickets
 * through the real append path (not timed), then `syncOnce` is timed until it returns;
 * convergence (outbox empty, ackSeq = 10,000, cursor = the server's head) is checked after.
 * No CPU throttling (rate 1, set explicitly): a server-client loopback figure.
 * Run alone: npx tsx test/bench/sync/backlog-browser.ts [in-process|process]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import {
  CHROMIUM_PATH,
  freshProfileDir,
  launchBrowser,
  launchProfile,
} from '../../e2e/support/browser';
import { ROOT } from '../../e2e/support/server';
import type { BacklogBench } from './backlog-browser-entry';
import {
  assertConverged,
  type BacklogRun,
  backlogDevice,
  type DeviceRun,
  serverHead,
  timings,
} from './backlog-device';
import { type ServerKind, startBenchServer } from './servers';
import { machineInfo, median, ms } from './stats';

export type BrowserStorage = 'disk' | 'memory';

export type BrowserBacklogRun = BacklogRun & { seedMs: number };

const BENCH_PATH = '/__backlog-bench';

/** Bundles the page side (an IIFE setting globalThis.backlogBench); returns its code. */
async function bundleEntry(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'anjungan-bench-browser-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: {
          entry: join(ROOT, 'test/bench/sync/backlog-browser-entry.ts'),
          formats: ['iife'],
          name: 'backlogBenchBundle',
          fileName: () => 'bench.js',
        },
      },
    });
    return readFileSync(join(outDir, 'bench.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A browser context of the chosen storage kind, and how to close it. */
async function openContext(
  storage: BrowserStorage,
): Promise<{ context: BrowserContext; version: string; close(): Promise<void> }> {
  if (storage === 'memory') {
    const browser = await launchBrowser();
    const context = await browser.newContext();
    return { context, version: browser.version(), close: () => browser.close() };
  }
  const profileDir = freshProfileDir();
  const context = await launchProfile(profileDir);
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** One run on a fresh server and a fresh browser profile. */
export async function browserBacklogRun(
  kind: ServerKind,
  events: number,
  index: number,
  storage: BrowserStorage,
  bundle: string,
): Promise<BrowserBacklogRun & { version: string; throttling: number }> {
  const server = await startBenchServer(kind);
  const browser = await openContext(storage);
  try {
    const device = await server.enroll('Backlog');
    const { identity, seed } = backlogDevice(device, events);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // The bare page and the bundle come from the server's origin; the route is removed
    // before seeding, so no sync request passes through Playwright.
    await page.route(`${server.url}${BENCH_PATH}/**`, (route) => {
      const js = route.request().url().endsWith('.js');
      return route.fulfill({
        status: 200,
        contentType: js ? 'text/javascript' : 'text/html',
        body: js
          ? bundle
          : `<!doctype html><meta charset="utf-8"><script src="${BENCH_PATH}/bench.js"></script>`,
      });
    });
    await page.goto(`${server.url}${BENCH_PATH}/index.html`);
    await page.waitForFunction(() => 'backlogBench' in globalThis);
    await page.unrouteAll();
    const cdp = await browser.context.newCDPSession(page);
    const throttling = 1;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling });

    const dbName = `bench-backlog-${index}`;
    const seedMs = await page.evaluate(
      (options) =>
        (globalThis as unknown as { backlogBench: BacklogBench }).backlogBench.seed(options),
      { dbName, identity, ...seed },
    );
    const run: DeviceRun = await page.evaluate(
      (options) =>
        (globalThis as unknown as { backlogBench: BacklogBench }).backlogBench.sync(options),
      { dbName, token: device.token, deviceId: device.deviceId, siteId: device.siteId },
    );
    assertConverged(run, await serverHead(server.url, device.token), events);
    return { ...timings(run), seedMs, version: browser.version, throttling };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Runs the browser backlog `runs` times; prints each run and the median. */
export async function benchBacklogBrowser(
  kind: ServerKind,
  options: { events?: number; runs?: number; storage?: BrowserStorage } = {},
) {
  const events = options.events ?? 10_000;
  const runs = options.runs ?? 5;
  const storage = options.storage ?? 'disk';
  console.log(
    `\n(a′) backlog in Chromium [${kind}]: 1 device, ${events.toLocaleString('en')} offline events → server, ${runs} runs`,
  );
  console.log(
    `    device: real src/sync syncOnce + src/storage on Chromium's IndexedDB (${
      storage === 'disk' ? 'on disk, fresh profile per run' : 'off-the-record context: in memory'
    }), HTTP transport (same-origin fetch), headless ${CHROMIUM_PATH}`,
  );
  console.log(
    kind === 'in-process'
      ? '    server: the Hono app in this Node process (the device is in Chromium, its own process), @hono/node-server on loopback, SQLite (WAL, synchronous=FULL) in a temp dir'
      : '    server: the built server process (node dist/server/main.js) on loopback, SQLite (WAL, synchronous=FULL) in a temp dir',
  );
  console.log(
    '    timed (in the page, performance.now): syncOnce from start to converged; seeding not timed',
  );
  const bundle = await bundleEntry();
  const results: BrowserBacklogRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await browserBacklogRun(kind, events, i, storage, bundle);
    if (i === 0) {
      console.log(
        `    Chromium ${run.version}; CPU throttling: ${run.throttling === 1 ? 'OFF (rate 1)' : `${run.throttling}×`}`,
      );
    }
    results.push(run);
    console.log(
      `    run ${i + 1}: ${ms(run.totalMs)} (push calls ${run.pushes}: ${ms(run.pushCallsMs)}, ` +
        `pull calls ${run.pulls}: ${ms(run.pullCallsMs)}, device storage and the rest: ` +
        `${ms(run.totalMs - run.pushCallsMs - run.pullCallsMs)}; seeding ${ms(run.seedMs)})`,
    );
  }
  const totals = results.map((r) => r.totalMs);
  const total = median(totals);
  console.log(
    `    median ${ms(total)} (min ${ms(Math.min(...totals))}, max ${ms(Math.max(...totals))}; ` +
      `push calls ${ms(median(results.map((r) => r.pushCallsMs)))}, ` +
      `pull calls ${ms(median(results.map((r) => r.pullCallsMs)))}); goal ≤ 750 ms: ` +
      `${total <= 750 ? 'met' : 'NOT met'}`,
  );
  return { medianMs: total, runs: results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind: ServerKind = process.argv[2] === 'process' ? 'process' : 'in-process';
  console.log(`browser backlog — ${machineInfo()}`);
  await benchBacklogBrowser(kind, {
    runs: Number(process.env.SYNC_BENCH_RUNS) || undefined,
    storage: process.env.SYNC_BENCH_BROWSER_STORAGE === 'memory' ? 'memory' : 'disk',
  });
}
