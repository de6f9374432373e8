/**
 * Personal data a service asks for, in Chromium with the real server: the screen says why
 * and for how long, types on a number pad and shows the value masked, asks for consent
 * before it saves, puts the mask on the ticket (screen and paper), and the kiosk sends the
 * values apart from the log; the server's log never holds them. axe on the screen;
 * screenshots in both languages and large text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  enrollLobbyKiosk,
  instrument,
  markAllPresent,
  waitForSync,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = '081234567890';

/** The sample, with the KTP-el reprint asking for a mobile number. */
function asking() {
  const bundle = alwaysOpenSample();
  return {
    ...bundle,
    agencies: bundle.agencies.map((a) => ({
      ...a,
      services: a.services.map((s) =>
        s.id === 'disdukcapil-ktp-el-cetak-ulang'
          ? {
              ...s,
              personalData: {
                purpose: {
                  id: 'pemberitahuan lewat SMS bila KTP-el siap diambil',
                  en: 'a text message when the KTP-el is ready',
                },
                fields: [
                  {
                    id: 'hp',
                    kind: 'phone' as const,
                    label: { id: 'Nomor HP', en: 'Mobile number' },
                  },
                ],
              },
            }
          : s,
      ),
    })),
  };
}

describe.skipIf(!chromiumAvailable())('personal data a service asks for', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ configDir: writeConfigDir(asking()) });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks with its purpose and consent, masks the value, and puts the mask on the ticket', async () => {
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForSync(page);
    await button(page, 'Sentuh untuk mulai').click();
    await button(page, 'Disdukcapil').click();
    await button(page, 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)').click();
    await button(page, 'Periksa Persyaratan').click();
    await button(page, 'Tidak').click();
    await markAllPresent(page);
    await button(page, 'Tidak').click();

    await page.getByRole('heading', { name: 'Data pribadi (tidak wajib)' }).waitFor();
    await page.getByText('pemberitahuan lewat SMS bila KTP-el siap diambil').waitFor();
    const keypad = page.getByRole('group', { name: 'Papan angka' });
    for (const digit of PHONE)
      await keypad.getByRole('button', { name: digit, exact: true }).click();
    const save = page.getByRole('button', { name: 'Setuju dan lanjut' });
    const beforeConsent = await save.isDisabled();
    await page.getByLabel('Saya setuju data ini dipakai untuk keperluan di atas').check();
    const screenText = await page.locator('main').textContent();
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    await page.screenshot({ path: join(ARTIFACTS, 'personal-id.png') });
    await save.click();
    await button(page, 'Ambil Nomor Antrean').click();
    await page.getByRole('heading', { name: 'Nomor Antrean Anda' }).waitFor();
    const ticketText = await page.locator('main').textContent();
    const printed = await page.locator('.print-area').textContent();

    expect(beforeConsent).toBe(true);
    expect(screenText).toContain('0812••••7890');
    expect(screenText).not.toContain(PHONE);
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(ticketText).toContain('Nomor HP: 0812••••7890');
    expect(printed).toContain('Nomor HP: 0812••••7890');
    expect(printed).not.toContain(PHONE);
  }, 90_000);

  it('sends the value apart from the log, and keeps it out of the log and the server’s output', async () => {
    const file = join(server.dataDir, 'anjungan.sqlite');
    const count = () => {
      const db = new Database(file, { readonly: true });
      try {
        const row = db
          .prepare('SELECT COUNT(*) AS n FROM personal_data WHERE value = ?')
          .get(PHONE) as {
          n: number;
        };
        return row.n;
      } finally {
        db.close();
      }
    };
    await expect.poll(count, { timeout: 60_000, interval: 1_000 }).toBe(1);
    const events = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT * FROM events').all() as object[]).map((r) => JSON.stringify(r));
      } finally {
        db.close();
      }
    })();

    expect(events.some((e) => e.includes('personalRef'))).toBe(true);
    expect(events.some((e) => e.includes(PHONE))).toBe(false);
    expect(server.output()).not.toContain(PHONE);
    const outbox = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('anjungan');
          open.onsuccess = () => {
            const r = open.result.transaction('meta').objectStore('meta').get('personal');
            r.onsuccess = () => resolve(r.result ?? []);
          };
        }),
    );
    expect(outbox).toEqual([]);
  }, 90_000);

  it('reads in English and large text too', async () => {
    await page.getByRole('button', { name: 'Teks besar' }).waitFor();
    await page.getByRole('button', { name: 'Teks besar' }).click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await button(page, 'Civil registry (Disdukcapil)').click();
    await page.getByRole('button', { name: /^KTP-el reprint/ }).click();
    await button(page, 'Check Requirements').click();
    await button(page, 'No').click();
    const present = page.getByRole('button', { name: 'I have it', exact: true });
    await present.first().waitFor();
    for (const one of await present.all()) await one.click();
    await button(page, 'Continue').click();
    await button(page, 'No').click();
    await page.getByRole('heading', { name: 'Personal data (optional)' }).waitFor();
    await page.getByText('a text message when the KTP-el is ready').waitFor();
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    await page.screenshot({ path: join(ARTIFACTS, 'personal-en-large.png') });

    expect(await page.locator('.kiosk--large').count()).toBe(1);
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }, 60_000);
});
