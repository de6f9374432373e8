/**
 * Offline from the first load: after one online visit, the kiosk issues tickets with the
 * network off, after a reload, and after the browser is restarted with the site server
 * stopped — every ticket still in its log, no number twice.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, freshProfileDir, launchProfile } from './support/browser';
import {
  enrollLobbyKiosk,
  instrument,
  storedTicketNumbers,
  takeKtpTicket,
  waitForServiceWorker,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: offline', () => {
  const profileDir = freshProfileDir();
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    context = await launchProfile(profileDir);
    await instrument(context);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('installs from one online load and asks for persistent storage', async () => {
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForServiceWorker(page);

    const requests = await page.evaluate(
      () => (window as unknown as { __persistRequests: number }).__persistRequests,
    );
    expect(requests).toBeGreaterThan(0);
    expect(await takeKtpTicket(page)).toBe('A-001');
  });

  it('issues with the network off, and again after a reload offline', async () => {
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Selesai' }).click();

    expect(await takeKtpTicket(page)).toBe('A-002');
    await page.reload();
    expect(await takeKtpTicket(page)).toBe('A-003');
    await context.setOffline(false);
  });

  it('starts after a browser restart with the site server stopped, every ticket intact', async () => {
    await context.close();
    await server.stop();
    context = await launchProfile(profileDir);
    await instrument(context);
    page = context.pages()[0] ?? (await context.newPage());

    const response = await page.goto(`${server.url}/kiosk`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await takeKtpTicket(page)).toBe('A-004');
    expect(await storedTicketNumbers(page)).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
    // The page and its code came by the worker's static routes, without starting it.
    expect(await sourcesOfThisPage(page)).toEqual({ page: 'cache', assets: ['cache'] });
  });

  it('answers the counter and the board from the same routes, the server still stopped', async () => {
    for (const path of ['/counter', '/display']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status()).toBe(200);
      expect((await sourcesOfThisPage(page)).page).toBe('cache');
    }
  });
});

/** Where the navigation and the hashed assets were answered from (Resource Timing). */
function sourcesOfThisPage(page: Page): Promise<{ page?: string; assets: string[] }> {
  return page.evaluate(() => {
    type Routed = PerformanceResourceTiming & { workerFinalSourceType?: string };
    const nav = performance.getEntriesByType('navigation')[0] as Routed;
    const assets = (performance.getEntriesByType('resource') as Routed[]).filter((r) =>
      new URL(r.name).pathname.startsWith('/assets/'),
    );
    return {
      page: nav.workerFinalSourceType,
      assets: [...new Set(assets.map((r) => r.workerFinalSourceType ?? ''))],
    };
  });
}
