/**
 * An update of the app is applied only when the kiosk is idle on its attract screen:
 * a new service worker that arrives mid-flow waits; back on the attract screen it takes
 * over and the page reloads once onto the new version.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, enrollLobbyKiosk, instrument, waitForServiceWorker } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: app updates', () => {
  const appDir = mkdtempSync(join(tmpdir(), 'anjungan-app-'));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const marker = () => page.evaluate(() => (window as unknown as { __marker?: number }).__marker);
  const waitingWorker = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);

  beforeAll(async () => {
    cpSync(join(ROOT, 'dist/app'), appDir, { recursive: true });
    rmSync(join(appDir, 'sw.js.gz'), { force: true });
    server = await startServer({
      configDir: writeConfigDir(alwaysOpenSample()),
      env: { APP_DIR: appDir },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForServiceWorker(page);
    // The running kiosk takes charge of updates at its first idle moment (2 s).
    await page.waitForTimeout(3_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('waits while a citizen is in the flow, then applies on the attract screen', async () => {
    await button(page, 'Sentuh untuk mulai').click();
    await button(page, 'Disdukcapil').click();
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 1;
    });
    const sw = join(appDir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next version\n`);

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(waitingWorker, { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(1_000);
    expect(await marker()).toBe(1);
    await page.getByRole('heading', { name: 'Pilih Layanan' }).waitFor();

    await button(page, 'Kembali').click();
    await button(page, 'Kembali').click();
    await expect.poll(marker, { timeout: 20_000 }).toBeUndefined();
    await button(page, 'Sentuh untuk mulai').waitFor();
    expect(await waitingWorker()).toBe(false);
  });
});
