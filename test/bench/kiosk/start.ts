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
import { instrument } from '../../e2e/support/kiosk-page';

export const CPU_SLOWDOWN = 4;
/**
 * A new headless browser starts its own pages (the omnibox's WebUI renderer) in the first
 * second or two; on a 2-vCPU host they compete with the kiosk's page. The kiosk's start is
 * timed from its navigation, so the browser is left to settle first.
 */
const SETTLE_MS = 2_500;
const REPORT = 'anjungan-bench-start';

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

/** `runs` cold offline starts of the kiosk on `profileDir`; `url` is the stopped server's. */
export async function coldOfflineStarts(
  profileDir: string,
  url: string,
  runs: number,
): Promise<StartTimes[]> {
  const times: StartTimes[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await launchProfile(profileDir);
    await instrument(context);
    await context.addInitScript((report: string) => {
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
          console.debug(report, JSON.stringify(marks));
        }
      }).observe(document, { childList: true, subtree: true });
    }, REPORT);
    const page = context.pages()[0] ?? (await context.newPage());
    await throttle(context, page);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const reported = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(REPORT),
      timeout: 60_000,
    });
    await page.goto(`${url}/kiosk`, { waitUntil: 'commit' });
    const message = await reported;
    times.push(JSON.parse(message.text().slice(REPORT.length + 1)) as StartTimes);
    await context.close();
  }
  return times;
}

/** The median of one mark over the runs. */
export function medianOf(runs: StartTimes[], mark: keyof StartTimes): number {
  const sorted = runs.map((r) => r[mark]).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
