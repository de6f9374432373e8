/**
 * The SKM survey from a served ticket to the admin's IKM, with the real server and
 * Chromium on a phone-sized page (360×800): a kiosk's ticket and a counter's call and
 * finish arrive over HTTP; the ticket's page offers the survey; a first try with a question
 * left out is refused on the page; the full answer goes to the server; the page says it is
 * answered after a reload; GET /admin/skm gives the IKM worked out by hand; axe on the page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../src/domain/events';
import type { SkmReport } from '../../src/domain/skm-report';
import type { StaffSetupResponse } from '../../src/domain/staff';
import { ticketAction } from '../fixtures/events';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from './support/sync-http';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(!chromiumAvailable())('the SKM survey in Chromium, to the IKM', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let ticket: KioskEvent<'ticket.issued'>;
  let token = '';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    token = await server.adminToken();
    const staff = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sari', role: 'petugas', agencies: ['disdukcapil'] }),
    });
    const staffId = ((await staff.json()) as StaffSetupResponse).staff.staffId;
    const kiosk = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Anjungan');
    const counter = await enrollOverHttp(
      server.url,
      await server.enrollmentCode(),
      'Loket',
      'loket',
    );
    [ticket] = eventsOf(kiosk, 1, today) as [KioskEvent<'ticket.issued'>];
    expect((await pushOverHttp(server.url, kiosk, [ticket])).status).toBe(200);
    const byCounter = (event: KioskEvent, deviceSeq: number) => ({
      ...event,
      siteId: counter.siteId,
      deviceId: counter.deviceId,
      deviceSeq,
      businessDay: today,
      hlc: event.hlc.replace(/^\d{12}/, String(Date.now() + deviceSeq).padStart(12, '0')),
      data: { ...(event.data as object), staffId },
    });
    const served = [
      byCounter(ticketAction('ticket.called', ticket, { loket: '1' }), 1),
      byCounter(ticketAction('ticket.finished', ticket, { loket: '1', outcome: 'done' }), 2),
    ] as KioskEvent[];
    expect((await pushOverHttp(server.url, counter, served)).status).toBe(200);
    browser = await launchBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'id-ID' })
    ).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a survey with a question left out, then sends the full one', async () => {
    await page.goto(`${server.url}/t/${ticket.id}`);
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    const groups = page.getByRole('group');
    await groups.first().waitFor();
    // Answers 4, 4, 3, 4, 3, 3, 4, 4 and, at first, nothing for the ninth.
    const scores = [4, 4, 3, 4, 3, 3, 4, 4];
    for (const [i, score] of scores.entries()) {
      await groups
        .nth(i)
        .getByRole('radio')
        .nth(score - 1)
        .check();
    }
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Belum dijawab: pertanyaan 9/)
      .waitFor();
    await new AxeBuilder({ page })
      .withTags(WCAG)
      .analyze()
      .then((r) => {
        expect(r.violations.map((v) => v.id)).toEqual([]);
      });

    await groups.nth(8).getByRole('radio').nth(2).check();
    await page.getByLabel('Usia').selectOption({ label: '30–39 tahun' });
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByText('Terima kasih, jawaban Anda sudah kami terima.').waitFor();
    await page.reload();
    await page.getByText('Survei sudah diisi. Terima kasih.').waitFor();

    // The page's way to what the site keeps about the citizen, and who answers for it.
    await page.getByRole('link', { name: 'Privasi dan data Anda' }).click();
    await page.getByRole('heading', { name: /^Privasi di / }).waitFor();
    await new AxeBuilder({ page })
      .withTags(WCAG)
      .analyze()
      .then((r) => {
        expect(r.violations.map((v) => v.id)).toEqual([]);
      });
  }, 60_000);

  it('gives the admin the IKM of that answer: 25 × 32 ÷ 9 = 88,89, mutu A', async () => {
    const response = await fetch(`${server.url}/api/v1/admin/skm?from=${today}&to=${today}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const report = (await response.json()) as SkmReport;

    expect(report.site).toMatchObject({ respondents: 1, population: 1, target: 1 });
    expect(report.site.ikm).toMatchObject({ total: 32, value: 88.89, mutu: 'A' });
  });
});
