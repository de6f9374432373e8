/**
 * The SKM survey at a lobby kiosk: a citizen whose ticket a counter finished scans its QR
 * code on the attract screen and answers with the network off; the kiosk keeps the answer
 * and sends it once online, and the admin's IKM counts it. A ticket not served yet, and
 * a scan that is no ticket, are told why. axe on the dialog; screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../src/domain/events';
import type { SkmReport } from '../../src/domain/skm-report';
import type { StaffSetupResponse } from '../../src/domain/staff';
import { businessDayOf } from '../../src/domain/time';
import { ticketAction } from '../fixtures/events';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  enrollLobbyKiosk,
  instrument,
  takeKtpTicket,
  waitForSync,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, pushOverHttp } from './support/sync-http';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(!chromiumAvailable())('the SKM survey at a lobby kiosk', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ticket: KioskEvent<'ticket.issued'>;
  const today = businessDayOf(Date.now(), 'Asia/Jakarta');

  const scan = async (text: string) => {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const dialog = () => page.getByRole('dialog', { name: 'Survei Kepuasan Masyarakat' });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('tells a ticket not served yet, and a scan that is no ticket', async () => {
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForSync(page);
    await takeKtpTicket(page);
    await button(page, 'Selesai').click();
    await waitForSync(page, { pending: 0 });
    ticket = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('anjungan');
        open.onsuccess = () => resolve(open.result);
      });
      const all = await new Promise<KioskEvent[]>((resolve) => {
        const request = db.transaction('events').objectStore('events').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      return all.find((e) => e.type === 'ticket.issued') as KioskEvent<'ticket.issued'>;
    });

    await button(page, 'Sudah dilayani? Isi survei kepuasan').waitFor();
    await scan(`${server.url}/t/${ticket.id}`);
    await dialog().getByText('Survei dapat diisi setelah layanan Anda selesai.').waitFor();
    await dialog().getByLabel('Kode QR tiket').fill('A-001');
    await dialog().getByRole('button', { name: 'Buka survei' }).click();
    await dialog().getByText('Kode tidak terbaca.').waitFor();
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    await page.screenshot({ path: join(ARTIFACTS, 'kiosk-skm-scan.png') });
    await dialog().getByRole('button', { name: 'Kembali' }).click();

    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }, 90_000);

  it('takes the answer offline once a counter finished the ticket, and sends it once online', async () => {
    const token = await server.adminToken();
    const staff = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sari', role: 'petugas', agencies: ['disdukcapil'] }),
    });
    const staffId = ((await staff.json()) as StaffSetupResponse).staff.staffId;
    const counter = await enrollOverHttp(
      server.url,
      await server.enrollmentCode(),
      'Loket',
      'loket',
    );
    const byCounter = (event: KioskEvent, deviceSeq: number) => ({
      ...event,
      siteId: counter.siteId,
      deviceId: counter.deviceId,
      deviceSeq,
      businessDay: today,
      hlc: event.hlc.replace(
        /^[0-9a-f]{12}/,
        (Date.now() + deviceSeq).toString(16).padStart(12, '0'),
      ),
      data: { ...(event.data as object), staffId },
    });
    const served = [
      byCounter(ticketAction('ticket.called', ticket, { loket: '1' }), 1),
      byCounter(ticketAction('ticket.finished', ticket, { loket: '1', outcome: 'done' }), 2),
    ] as KioskEvent[];
    expect((await pushOverHttp(server.url, counter, served)).status).toBe(200);

    // The kiosk hears of the finish at its next pull; then the network goes.
    await expect
      .poll(
        async () => {
          await scan(`${server.url}/t/${ticket.id}`);
          const open = await dialog().getByRole('group').first().isVisible();
          if (!open) await dialog().getByRole('button', { name: 'Kembali' }).click();
          return open;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    const groups = dialog().getByRole('group');
    for (let i = 0; i < 9; i++) {
      await groups.nth(i).getByRole('radio').nth(3).check();
    }
    await page.screenshot({ path: join(ARTIFACTS, 'kiosk-skm-survey.png') });
    await dialog().getByRole('button', { name: 'Kirim survei' }).click();
    await dialog().getByText('jawaban disimpan di perangkat ini').waitFor();
    await dialog().getByRole('button', { name: 'Selesai' }).click();
    await context.setOffline(false);

    await expect
      .poll(
        async () => {
          const response = await fetch(`${server.url}/api/v1/admin/skm?from=${today}&to=${today}`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          return ((await response.json()) as SkmReport).site.respondents;
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(1);
  }, 180_000);
});
