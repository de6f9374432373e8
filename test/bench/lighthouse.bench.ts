/**
 * Lighthouse benchmark (figures, not assertions): the four category scores (performance,
 * accessibility, best practices, SEO) of three pages of the production build, each in
 * Debian's Chromium with a profile of its own, the way the device runs it:
 *   - the lobby kiosk (/kiosk, enrolled, its attract screen) on a 1080×1920 portrait
 *     screen, desktop throttling;
 *   - a real ticket's phone page (/t/<id>) on Lighthouse's mobile profile (a mid-range
 *     phone on slow 4G, CPU slowed 4×), as a citizen opens it from the QR code;
 *   - the lobby board (/display, enrolled as a board) on a 1920×1080 TV, desktop throttling.
 * The server runs as on an MPP's LAN: HOST is this machine's LAN address, so it serves
 * HTTPS with its self-signed certificate (trusted by each Chromium with the server's
 * --ignore-certificate-errors-spki-list flag) and compresses its JSON as it does for any
 * device but one on loopback. A machine without a LAN address measures over loopback,
 * plain HTTP, JSON uncompressed (said in the output). An enrolled device keeps who it is
 * in the browser's storage: Lighthouse runs the kiosk and the board with
 * disableStorageReset. Goals: 100 for accessibility and best practices everywhere,
 * ≥ 95 performance for the phone page on the mobile profile.
 * Each page is measured LIGHTHOUSE_RUNS times (3 by default) and the median run shown: the
 * performance score follows the machine's load (Lighthouse slows the CPU it measures).
 * Run: npm run build && npx tsx test/bench/lighthouse.bench.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { loadavg, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Config, desktopConfig } from 'lighthouse';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { KioskEvent } from '../../src/domain/events';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';
import {
  button,
  enrollLobbyKiosk,
  instrument,
  takeKtpTicket,
  waitForSync,
} from '../e2e/support/kiosk-page';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import {
  bootstrapCodeIn,
  freePort,
  ROOT,
  startServer,
  writeConfigDir,
} from '../e2e/support/server';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Runs per page (LIGHTHOUSE_RUNS); the median run is shown. */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
/** Where the whole reports go (JSON, for Lighthouse's viewer). */
const REPORTS = mkdtempSync(join(tmpdir(), 'anjungan-lighthouse-reports-'));

type Screen = { width: number; height: number };

/** The site server as the bench uses it. */
type Site = {
  url: string;
  /** What each Chromium needs to trust the server (its certificate's SPKI hash). */
  chromiumFlags: string[];
  enrollmentCode(): Promise<string>;
  stop(): Promise<void>;
  /** How the pages reach it, for the output. */
  how: string;
};

/** This machine's first LAN IPv4 address, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** A JSON POST over HTTPS to a server whose certificate is `ca`. */
function postJson(url: string, ca: string, body: unknown, token?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ca,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(text))
            : reject(new Error(`${url}: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The built server on the LAN address over HTTPS, or on loopback when there is none. */
async function startSite(configDir: string): Promise<Site> {
  const host = lanAddress();
  if (!host) {
    const server = await startServer({ configDir });
    return {
      ...server,
      chromiumFlags: [],
      how: 'loopback, plain HTTP, JSON uncompressed (no LAN address here)',
    };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-data-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: host,
      PORT: String(port),
      CONFIG_DIR: configDir,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 30_000;
  let trust: { chromeFlag: string; certPath: string } | undefined;
  while (!trust) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    trust = output
      .split('\n')
      .filter((line) => line.includes('"chromeFlag"'))
      .map((line) => JSON.parse(line) as { chromeFlag: string; certPath: string })[0];
    // Listening follows the trust line: wait for the address it prints.
    if (trust && !output.includes(`https://${host}:${port}`)) trust = undefined;
    await new Promise((done) => setTimeout(done, 100));
  }
  const url = `https://${host}:${port}`;
  const ca = readFileSync(trust.certPath, 'utf8');
  let admin: Promise<string> | undefined;
  return {
    url,
    chromiumFlags: [trust.chromeFlag],
    how: `the LAN address over HTTPS (${host}), JSON compressed as for any LAN device`,
    async enrollmentCode() {
      admin ??= postJson(`${url}/api/v1/bootstrap`, ca, {
        code: bootstrapCodeIn(dataDir),
        name: 'Admin bench',
      }).then((answer) => (answer as { token: string }).token);
      const answer = await postJson(`${url}/api/v1/admin/enrollments`, ca, {}, await admin);
      return (answer as { code: string }).code;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Lighthouse's desktop settings on a screen of the given size (a kiosk, a TV). */
function desktopOn(screen: Screen): Config {
  return {
    ...desktopConfig,
    settings: {
      ...desktopConfig.settings,
      screenEmulation: { mobile: false, deviceScaleFactor: 1, disabled: false, ...screen },
    },
  };
}

/** Debian's Chromium, headless, with its own profile and a DevTools port. */
async function launchChromium(site: Site, screen: Screen) {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'anjungan-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      ...site.chromiumFlags,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      `--window-size=${screen.width},${screen.height}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/json/version`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port');
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill();
        await exited;
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Drives a Chromium over its DevTools port with Playwright, then lets go of it. */
async function drive(port: number, screen: Screen, steps: (page: Page) => Promise<void>) {
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  await instrument(context);
  const page = await context.newPage();
  await page.setViewportSize(screen);
  await steps(page);
  await page.close();
}

/** One Lighthouse run; the four scores out of 100. */
async function once(url: string, port: number, config: Config | undefined, keepStorage: boolean) {
  const result = await lighthouse(
    url,
    {
      port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
      disableStorageReset: keepStorage,
    },
    config,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1)
    .filter((a) => a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'metricSavings')
    .map((a) => a.id);
  return {
    lhr,
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    ) as Record<(typeof CATEGORIES)[number], number>,
    failed,
    warnings: lhr.runWarnings,
  };
}

/**
 * RUNS runs; the one with the median performance score (Lighthouse's own advice: its
 * performance score moves with the machine's load), the range beside it.
 */
async function scores(url: string, port: number, config: Config | undefined, keepStorage: boolean) {
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(url, port, config, keepStorage));
  runs.sort((a, b) => a.scores.performance - b.scores.performance);
  const median = runs[Math.floor((runs.length - 1) / 2)] ?? runs[0];
  if (!median) throw new Error('no run');
  const report = join(REPORTS, `${new URL(url).pathname.split('/')[1] || 'root'}.json`);
  writeFileSync(report, JSON.stringify(median.lhr));
  const { lhr: _lhr, ...rest } = median;
  return {
    ...rest,
    performanceRange: `${runs[0]?.scores.performance}–${runs.at(-1)?.scores.performance}`,
    report,
  };
}

type Row = { page: string; profile: string } & Awaited<ReturnType<typeof scores>>;

async function kiosk(server: Site): Promise<{ row: Row; ticketId: string }> {
  const screen = { width: 1080, height: 1920 };
  const browser = await launchChromium(server, screen);
  try {
    let ticketId = '';
    await drive(browser.port, screen, async (page) => {
      await enrollLobbyKiosk(page, server, 'Anjungan 1');
      await waitForSync(page);
      await takeKtpTicket(page);
      await button(page, 'Selesai').click();
      await waitForSync(page, { pending: 0 });
      ticketId = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('anjungan');
          open.onsuccess = () => resolve(open.result);
        });
        const all = await new Promise<KioskEvent[]>((resolve) => {
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return all.find((e) => e.type === 'ticket.issued')?.id ?? '';
      });
    });
    if (!ticketId) throw new Error('the kiosk issued no ticket');
    const measured = await scores(`${server.url}/kiosk`, browser.port, desktopOn(screen), true);
    return { row: { page: '/kiosk', profile: 'desktop, 1080×1920', ...measured }, ticketId };
  } finally {
    await browser.stop();
  }
}

async function phone(server: Site, ticketId: string): Promise<Row> {
  const browser = await launchChromium(server, { width: 412, height: 823 });
  try {
    const measured = await scores(`${server.url}/t/${ticketId}`, browser.port, undefined, false);
    return { page: '/t/<id>', profile: 'mobile (Lighthouse default)', ...measured };
  } finally {
    await browser.stop();
  }
}

async function board(server: Site): Promise<Row> {
  const screen = { width: 1920, height: 1080 };
  const browser = await launchChromium(server, screen);
  try {
    await drive(browser.port, screen, async (page) => {
      await page.goto(`${server.url}/display`);
      await page.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
      await page.getByLabel('Nama perangkat').fill('Papan lobi');
      await page.getByLabel('Profil').selectOption({ label: 'Papan antrean lobi (TV)' });
      await page.getByRole('button', { name: 'Daftarkan' }).click();
      await page.getByRole('region', { name: /^Berikutnya/ }).waitFor({ timeout: 30_000 });
    });
    const measured = await scores(`${server.url}/display`, browser.port, desktopOn(screen), true);
    return { page: '/display', profile: 'desktop, 1920×1080', ...measured };
  } finally {
    await browser.stop();
  }
}

async function main() {
  const loadBefore = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  const server = await startSite(writeConfigDir(alwaysOpenSample()));
  try {
    const { row: kioskRow, ticketId } = await kiosk(server);
    const rows = [kioskRow, await phone(server, ticketId), await board(server)];
    console.info('Lighthouse 12.2.3, Debian Chromium (headless), the production build');
    console.info(`server reached on ${server.how}`);
    console.info(
      `median of ${RUNS} runs by performance; load average before: ${loadBefore}, after: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    console.info('page      profile                      perf  a11y  best  seo  perf range');
    for (const row of rows) {
      const { scores: s } = row;
      console.info(
        `${row.page.padEnd(10)}${row.profile.padEnd(29)}${[
          s.performance,
          s.accessibility,
          s['best-practices'],
          s.seo,
        ]
          .map((n) => String(n).padStart(4))
          .join('  ')}  ${row.performanceRange}`,
      );
      if (row.failed.length > 0)
        console.info(`          audits below 100: ${row.failed.join(', ')}`);
      for (const warning of row.warnings) console.info(`          warning: ${warning}`);
    }
    console.info(`whole reports (JSON): ${REPORTS}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
