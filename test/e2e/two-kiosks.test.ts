/**
 * Two kiosks side by side, issuing for the same queue, never print the same number: each
 * issues from the blocks the server leased it — also with the network down — and once
 * the network is back each kiosk's log holds the other's tickets too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  enrollLobbyKiosk,
  instrument,
  storedTicketNumbers,
  takeKtpTicket,
  waitForSync,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: two kiosks', () => {
  let server: RunningServer;
  let browser: Browser;
  const kiosks: Page[] = [];

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    for (const n of [1, 2]) {
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      await instrument(context);
      const page = await context.newPage();
      await enrollLobbyKiosk(page, server, `Anjungan ${n}`);
      kiosks.push(page);
    }
    for (const page of kiosks) await waitForSync(page);
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

    for (const p of kiosks) await p.context().setOffline(false);
    for (const p of kiosks) await waitForSync(p, { pending: 0 });
    const logs = await Promise.all(
      kiosks.map(async (p) => {
        await expect.poll(async () => (await storedTicketNumbers(p)).length).toBe(6);
        return (await storedTicketNumbers(p)).sort();
      }),
    );

    expect(new Set(numbers).size).toBe(numbers.length);
    // Leased numbers, not the emergency namespace (A-K001): both kiosks held a lease.
    for (const number of numbers) expect(number).toMatch(/^A-\d{3}$/);
    expect(logs[0]).toEqual([...numbers].sort());
    expect(logs[1]).toEqual([...numbers].sort());
  });
});
