/**
 * The kiosk's cold offline start as the issue defines it: a new browser process on the
 * kiosk's profile (its log, its service worker), the server stopped, timed in the page from
 * the navigation's start (performance.now()) to the attract button tappable, and to the
 * first agency tile after a tap the page makes itself, as soon as that button is there.
 * No automation call touches the page while it starts: the page reports its times in one
 * console message (Playwright's own script injected for a click or a wait costs tens of ms
 * of the throttled main thread, and its round trips are not the kiosk's).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile } from '../../e2e/support/browser';
import { attachToPage, launchCdp } from './cdp';

export const CPU_SLOWDOWN = 4;
/**
 * A new headless browser starts its own pages (the omnibox's WebUI renderer) in the first
 * second or two; on a 2-vCPU host they compete with the kiosk's page. The kiosk's start is
 * timed from its navigation, so the browser is left to settle first.
 */
const SETTLE_MS = 2_500;
const REPORT = 'anjungan-bench-start';
const REPORT_GLOBAL = '__anjunganStartMarks';

export type StartTimes = {
  /** The shell's HTML answered (by the service worker, offline). */
  html: number;
  /** The kiosk's first screen in the DOM: the attract screen, or "Memuat…" on a slow boot. */
  boot: number;
  /** The attract button in the DOM and enabled. */
  attract: number;
  /** The first agency tile, after the page's own tap on the attract button. */
  tile: number;
};

/** Throttles the page's CPU through the DevTools protocol. */
export async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/**
 * Records the marks in the page from its first script: the first screen, the attract button
 * enabled (and taps it), the first agency tile. `report` receives them as JSON.
 */
function marksScript(report: (json: string) => void): void {
  const marks: Record<string, number> = {};
  new MutationObserver((_, observer) => {
    if (!marks.boot && document.querySelector('.kiosk')) marks.boot = performance.now();
    const start = document.querySelector<HTMLButtonElement>('button.attract-start');
    if (!marks.attract && start && !start.disabled) {
      marks.attract = performance.now();
      start.click();
    }
    const tile = document.querySelector<HTMLButtonElement>('button.tile');
    if (marks.attract && tile && !tile.disabled) {
      marks.tile = performance.now();
      observer.disconnect();
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      marks.html = nav?.responseEnd ?? 0;
      report(JSON.stringify(marks));
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * `runs` cold offline starts of the kiosk on `profileDir`; `url` is the stopped server's.
 * By default the browser is driven over the DevTools protocol alone (./cdp.ts): the page
 * carries only the marks script, and hands its times over in its title. `harness:
 * 'playwright'` times the same start with Playwright attached, as the browser tests run.
 */
export async function coldOfflineStarts(
  profileDir: string,
  url: string,
  runs: number,
  harness: 'cdp' | 'playwright' = 'cdp',
): Promise<StartTimes[]> {
  const times: StartTimes[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      harness === 'cdp' ? await cdpStart(profileDir, url) : await playwrightStart(profileDir, url),
    );
  }
  return times;
}

async function cdpStart(profileDir: string, url: string): Promise<StartTimes> {
  const browser = launchCdp(profileDir);
  try {
    const session = await attachToPage(browser);
    await browser.send('Page.enable', {}, session);
    await browser.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN }, session);
    await browser.send(
      'Page.addScriptToEvaluateOnNewDocument',
      { source: `(${marksScript.toString()})((json) => { window.${REPORT_GLOBAL} = json; })` },
      session,
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await browser.send('Page.navigate', { url: `${url}/kiosk` }, session);
    // Asked only once the start is surely over, so the question costs the start nothing.
    for (let waited = 0; waited < 60_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, waited === 0 ? 3_000 : 500));
      const { result } = (await browser.send(
        'Runtime.evaluate',
        { expression: `window.${REPORT_GLOBAL} ?? ''` },
        session,
      )) as { result: { value?: string } };
      if (result.value) return JSON.parse(result.value) as StartTimes;
    }
    throw new Error('no report from the page in 60 s');
  } finally {
    await browser.close();
  }
}

async function playwrightStart(profileDir: string, url: string): Promise<StartTimes> {
  const context = await launchProfile(profileDir);
  try {
    await context.addInitScript(
      `(${marksScript.toString()})((json) => console.debug(${JSON.stringify(REPORT)}, json))`,
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await throttle(context, page);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const reported = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(REPORT),
      timeout: 60_000,
    });
    await page.goto(`${url}/kiosk`, { waitUntil: 'commit' });
    const message = await reported;
    return JSON.parse(message.text().slice(REPORT.length + 1)) as StartTimes;
  } finally {
    await context.close();
  }
}

/** The median of one mark over the runs. */
export function medianOf(runs: StartTimes[], mark: keyof StartTimes): number {
  const sorted = runs.map((r) => r[mark]).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
