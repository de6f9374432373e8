/**
 * Bookings made elsewhere, from the admin's import to a lobby kiosk's check-in: a scan on
 * the attract screen gives the booking's ticket with the network off; the same scan again
 * gives that ticket back, never a second one; a booking of another day and one of another
 * site are refused with their reason; once online, the ticket reaches the server carrying
 * its booking. axe on the check-in dialog; screenshots in both languages and large text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/lease-days';
import { businessDayOf } from '../../src/domain/time';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  enrollLobbyKiosk,
  instrument,
  ticketNumber,
  waitForSync,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SITE = 'mpp-kota-contoh';
const SERVICE = 'disdukcapil-ktp-el-baru';

describe.skipIf(!chromiumAvailable())('bookings: import, then check-in at a kiosk', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const today = businessDayOf(Date.now(), 'Asia/Jakarta');
  const tomorrow = addDays(today, 1);

  const api = async (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${await server.adminToken()}`,
        'Content-Type': 'application/json',
      },
    });
  /** What a USB scanner does: the code typed fast, then Enter. */
  const scan = async (text: string) => {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const dialog = () => page.getByRole('dialog', { name: 'Lapor hadir pemesanan' });
  const message = () => dialog().getByRole('status');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports the day’s bookings on the admin screen: a bad row refused, then the good file', async () => {
    const admin = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    const token = await server.adminToken();
    await admin.addInitScript((t) => sessionStorage.setItem('anjungan.admin.token', t), token);
    await admin.goto(`${server.url}/admin#bookings`);
    await admin.getByRole('heading', { name: 'Impor pemesanan dari sistem lain' }).waitFor();
    const good = [
      'kode;tanggal;layanan;nama',
      `MPPD-TODAY1;${today};${SERVICE};Budi`,
      `MPPD-TOMORROW;${tomorrow};${SERVICE};Siti`,
    ];
    const pick = (text: string) =>
      admin.getByLabel('Berkas CSV atau JSON').setInputFiles({
        name: 'pemesanan.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });

    await pick([...good, `MPPD-OLD;2020-01-01;${SERVICE};Ani`].join('\n'));
    await admin.getByRole('button', { name: 'Periksa' }).click();
    await admin.getByText('Ditolak: tanggal 2020-01-01 sudah lewat').waitFor();
    const saveDisabled = await admin.getByRole('button', { name: 'Simpan pemesanan' }).isDisabled();
    await pick(good.join('\n'));
    await admin.getByRole('button', { name: 'Periksa' }).click();
    await admin.getByText('Kolom data pribadi (tidak dibaca, tidak disimpan): nama').waitFor();
    await admin.getByRole('button', { name: 'Simpan pemesanan' }).click();
    await admin.getByText('2 pemesanan disimpan').waitFor();
    await admin
      .getByRole('table', { name: 'Pemesanan pada tanggal' })
      .getByRole('rowheader', { name: 'MPPD-TODAY1' })
      .waitFor();
    const axe = await new AxeBuilder({ page: admin }).withTags(WCAG).analyze();
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-bookings-id.png'), fullPage: true });
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Import bookings from another system' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-bookings-en.png'), fullPage: true });
    await admin.close();

    expect(saveDisabled).toBe(true);
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  it('checks a booking in from a scan with the network off, once', async () => {
    const bookingsFetched = page.waitForResponse((r) => r.url().includes('/api/v1/sync/bookings'));
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForSync(page);
    await bookingsFetched;
    await button(page, 'Sudah pesan antrean daring? Lapor hadir').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'check-in-door.png') });
    await context.setOffline(true);

    await scan(`BOOKING:${SITE}:${today}:mppd-today1`);
    const number = await ticketNumber(page);
    await button(page, 'Selesai').click();
    await scan('MPPD-TODAY1');
    await message().getByText(`Nomor antrean Anda: ${number}.`).waitFor();

    expect(number).toMatch(/^A-\d{3}$/);
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('anjungan');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<{ type: string; data: { booking?: { code: string } } }[]>(
        (resolve) => {
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => resolve(request.result);
        },
      );
      return all.filter((e) => e.type === 'ticket.issued').map((e) => e.data.booking?.code);
    });
    expect(stored).toEqual(['MPPD-TODAY1']);
  });

  it('refuses a booking of another day and one of another site, each with its reason', async () => {
    const keypad = dialog().getByRole('group', { name: 'Papan ketik kode' });
    const code = dialog().getByLabel('Kode pemesanan');
    await code.fill('');
    for (const key of 'MPPD-TOMORROW')
      await keypad.getByRole('button', { name: key, exact: true }).click();
    await dialog().getByRole('button', { name: 'Lapor hadir' }).click();
    await message().getByText('bukan hari ini').waitFor();
    const otherDay = await message().textContent();

    await code.fill(`BOOKING:mpp-kota-lain:${today}:MPPD-TODAY1`);
    await code.press('Enter');
    await message().getByText('MPP lain').waitFor();

    expect(otherDay).toContain('Pemesanan ini untuk');
    expect(await message().textContent()).toContain('(mpp-kota-lain)');
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'check-in-id.png') });
  });

  it('speaks English and large text when asked, and goes back to the attract screen', async () => {
    await dialog().getByRole('button', { name: 'English' }).click();
    // One language at a time: the refusal shown before the switch is worded again.
    await page
      .getByRole('dialog', { name: 'Check in your booking' })
      .getByRole('status')
      .getByText('This booking is for another MPP (mpp-kota-lain).')
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'check-in-en.png') });
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page
      .getByRole('button', { name: /Teks besar|Large text/ })
      .first()
      .click();
    await button(page, 'Sudah pesan antrean daring? Lapor hadir').click();
    await dialog().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'check-in-large.png') });
    await page.getByRole('button', { name: 'Kembali', exact: true }).click();

    expect(await dialog().count()).toBe(0);
  });

  it('sends the ticket with its booking once online', async () => {
    await context.setOffline(false);
    await waitForSync(page, { pending: 0 });

    const pulled = await (await api(`/admin/bookings?day=${today}`)).json();
    const events = await page.evaluate(async () => {
      const response = await fetch('/api/v1/sync/pull?cursor=0', {
        headers: {
          Authorization: `Bearer ${
            (
              await new Promise<{ token: string }>((resolve) => {
                const open = indexedDB.open('anjungan');
                open.onsuccess = () => {
                  const r = open.result.transaction('meta').objectStore('meta').get('device');
                  r.onsuccess = () => resolve(r.result);
                };
              })
            ).token
          }`,
        },
      });
      return (await response.json()) as {
        events: { type: string; data: { booking?: { code: string } } }[];
      };
    });

    expect(pulled.bookings.map((b: { code: string }) => b.code)).toEqual(['MPPD-TODAY1']);
    expect(
      events.events.filter((e) => e.type === 'ticket.issued').map((e) => e.data.booking?.code),
    ).toEqual(['MPPD-TODAY1']);
  });
});
