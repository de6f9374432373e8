/**
 * A kiosk driven in one page session: the tap on "Ambil Nomor Antrean" timed in the page
 * (no automation latency), and the heap over thousands of flows, each from the attract
 * screen to a ticket and back, driven by the page itself (a flow through the automation
 * protocol costs a second; in the page, a few tens of ms).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile } from '../../e2e/support/browser';
import { button, instrument, markAllPresent } from '../../e2e/support/kiosk-page';
import { throttle } from './start';

/** Opens the kiosk on `profileDir` in one page; `throttled` at the bench's CPU slowdown. */
export async function openKiosk(
  profileDir: string,
  url: string,
  throttled: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchProfile(profileDir);
  await instrument(context);
  const page = context.pages()[0] ?? (await context.newPage());
  if (throttled) await throttle(context, page);
  await page.goto(`${url}/kiosk`);
  return { context, page };
}

/** `runs` taps on confirm → ticket number on screen, in ms, sorted. */
export async function confirmToTicket(page: Page, runs: number): Promise<number[]> {
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
  return times.sort((a, b) => a - b);
}

/** The page's JS heap in bytes after a forced full garbage collection. */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Twice: the first collection's finalizers free more for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/**
 * `count` flows driven by the page: attract → Disdukcapil → Akta kelahiran → requirements
 * all present → no priority → confirm → ticket → done, back on attract.
 */
export async function runFlows(page: Page, count: number): Promise<void> {
  // tsx names the helpers below with its own `__name`, which the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(async (flows: number) => {
    // A button's accessible name, as simply as these screens give it.
    const nameOf = (b: HTMLButtonElement) => {
      const by = b.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      return b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
    };
    const find = (text: string) =>
      [...document.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => nameOf(b) === text && !b.disabled,
      );
    const waitFor = <T>(probe: () => T | null | undefined, what = ''): Promise<T> =>
      new Promise((resolve, reject) => {
        const found = probe();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`flow stuck before ${what}`));
        }, 10_000);
        const observer = new MutationObserver(() => {
          const now = probe();
          if (!now) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(now);
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
    const tap = async (text: string) => (await waitFor(() => find(text), text)).click();
    for (let i = 0; i < flows; i++) {
      await tap('Sentuh untuk mulai');
      await tap('Disdukcapil');
      await tap('Akta kelahiran');
      await tap('Periksa Persyaratan');
      await waitFor(() => find('Ada'));
      for (const present of document.querySelectorAll<HTMLButtonElement>('button')) {
        if (nameOf(present) === 'Ada') present.click();
      }
      await tap('Lanjut');
      await tap('Tidak');
      await tap('Ambil Nomor Antrean');
      await waitFor(() => document.querySelector('.ticket-number'));
      await tap('Selesai');
      await waitFor(() => document.querySelector('button.attract-start'));
    }
  }, count);
}
