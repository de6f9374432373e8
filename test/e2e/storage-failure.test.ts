/**
 * When IndexedDB refuses a write (quota, private mode), the kiosk says so plainly and
 * issues no ticket — nothing is shown that is not stored.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  enrollLobbyKiosk,
  instrument,
  storedTicketNumbers,
  takeKtpTicket,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: storage refuses writes', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    // From the moment the flag is set, every add() fails as a full disk would.
    await context.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
        if ((window as unknown as { __diskFull?: boolean }).__diskFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return add.apply(this, args);
      };
    });
    page = await context.newPage();
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "Anjungan tidak dapat menyimpan — hubungi petugas" and no ticket', async () => {
    await page.evaluate(() => {
      (window as unknown as { __diskFull: boolean }).__diskFull = true;
    });

    const attempt = takeKtpTicket(page).catch(() => 'no ticket');
    await page
      .getByRole('heading', { name: 'Anjungan tidak dapat menyimpan — hubungi petugas' })
      .waitFor();

    await page.getByText('This kiosk cannot save — please contact staff').waitFor();
    expect(await page.getByRole('heading', { name: 'Nomor Antrean Anda' }).count()).toBe(0);
    expect(await storedTicketNumbers(page)).toEqual([]);
    await page.close();
    expect(await attempt).toBe('no ticket');
  });
});
