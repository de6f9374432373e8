/**
 * Two kiosks side by side, issuing for the same queue, never print the same number:
 * each issues from the range reserved for it at set-up — also with the network down.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, instrument, setUpDevice, takeKtpTicket } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: two kiosks', () => {
  let server: RunningServer;
  let browser: Browser;
  const kiosks: Page[] = [];

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    for (const slot of [1, 2]) {
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      await instrument(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/kiosk`);
      await setUpDevice(page, {
        name: `Anjungan ${slot}`,
        profile: 'Anjungan lobi utama (printer 80 mm)',
        slot,
      });
      kiosks.push(page);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('alternate between the kiosks, online then offline: all numbers distinct', async () => {
    const numbers: string[] = [];
    for (let round = 0; round < 6; round++) {
      const page = kiosks[round % 2] as Page;
      if (round === 4) for (const p of kiosks) await p.context().setOffline(true);
      numbers.push(await takeKtpTicket(page));
      await button(page, 'Selesai').click();
    }

    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(['A-001', 'A-101', 'A-002', 'A-102', 'A-003', 'A-103']);
  });
});
