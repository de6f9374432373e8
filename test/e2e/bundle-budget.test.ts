/**
 * The size budget, enforced: all JavaScript a set-up kiosk fetches from opening /kiosk to
 * a ticket on screen (lazy chunks included) stays within 40 KB gzip. A size, not a time.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { gzipBytes, KIOSK_JS_BUDGET_BYTES, recordScripts } from './support/js-bytes';
import { instrument, setUpDevice, takeKtpTicket } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk JavaScript budget', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    const setup = await context.newPage();
    await setup.goto(`${server.url}/kiosk`);
    await setUpDevice(setup, {
      code: await server.enrollmentCode(),
      name: 'Anjungan 1',
      profile: 'Anjungan lobi utama (printer 80 mm)',
    });
    await setup.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`fetches at most ${KIOSK_JS_BUDGET_BYTES} gzip bytes of JS from /kiosk to a ticket`, async () => {
    const page = await context.newPage();
    const scripts = recordScripts(page);

    await page.goto(`${server.url}/kiosk`);
    await takeKtpTicket(page);
    const sizes = gzipBytes(scripts());
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);

    console.info(`kiosk JS to a ticket: ${total} gzip bytes`, sizes);
    expect(sizes.length).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(KIOSK_JS_BUDGET_BYTES);
  });
});
