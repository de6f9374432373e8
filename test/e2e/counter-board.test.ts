/**
 * Kiosk, counter and board in real Chromium, each its own device on one site server: a
 * kiosk issues, staff sign in at a counter with a first PIN and open loket 3, call the
 * ticket, and the board shows it and announces it in Indonesian (the announcement read at
 * its boundary, the board's live region), and the citizen's phone page turns to "Dipanggil"
 * by the server's event stream. Then the server stops: the counter still calls
 * from its own replica, the board says calls are shown at the counters; the server comes
 * back and the board catches up. Then a journey: the counter scans its QR, and the phone
 * following step 1 turns to step 2 once step 1 is finished. Last, counter and board start
 * again with the server down: each from its own shell in its service worker's cache.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceCall } from '../../src/domain/announce';
import type { StaffSetupResponse } from '../../src/domain/staff';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  instrument,
  markAllPresent,
  takeKtpTicket,
  ticketNumber,
  waitForServiceWorker,
  waitForSync,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

const PIN = '480915';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Axe (WCAG 2.2 AA) on a page's current screen; `screen` names it in a failure. */
async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const violations = result.violations.map(
    (v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations).toEqual([]);
}

/** The id of the ticket with `number` in a kiosk's log. */
function ticketId(page: Page, number: string): Promise<string> {
  return page.evaluate(
    (wanted) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('anjungan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            const event = (all.result as { id: string; data: { number?: string } }[]).find(
              (e) => e.data.number === wanted,
            );
            if (event) resolve(event.id);
            else reject(new Error(`no ticket ${wanted}`));
          };
        };
      }),
    number,
  );
}

describe.skipIf(!chromiumAvailable())('counter and board in Chromium', () => {
  let server: RunningServer;
  let configDir: string;
  let browser: Browser;
  let kiosk: Page;
  let counter: Page;
  let board: Page;

  let adminToken = '';
  /** A code from the first admin (a restarted server has spent its bootstrap code). */
  async function enrollmentCode(): Promise<string> {
    const created = await fetch(`${server.url}/api/v1/admin/enrollments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return ((await created.json()) as { code: string }).code;
  }

  async function device(
    path: string,
    viewport: { width: number; height: number },
    profile: string,
  ) {
    const context = await browser.newContext({ viewport });
    await instrument(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('Kode pendaftaran').fill(await enrollmentCode());
    await page.getByLabel('Nama perangkat').fill(`${profile} 1`);
    await page.getByLabel('Profil').selectOption({ label: profile });
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    return page;
  }

  beforeAll(async () => {
    configDir = writeConfigDir(alwaysOpenSample());
    server = await startServer({ configDir });
    browser = await launchBrowser();
    adminToken = await server.adminToken();
    const token = adminToken;
    const created = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sari Wulandari', role: 'petugas', agencies: ['disdukcapil'] }),
    });
    expect(created.status).toBe(201);
    const { setupCode } = (await created.json()) as StaffSetupResponse;

    kiosk = await device(
      '/kiosk',
      { width: 1080, height: 1920 },
      'Anjungan lobi utama (printer 80 mm)',
    );
    await button(kiosk, 'Sentuh untuk mulai').waitFor();
    counter = await device('/counter', { width: 1920, height: 1080 }, 'Loket (PC meja petugas)');
    board = await device('/display', { width: 1920, height: 1080 }, 'Papan antrean lobi (TV)');

    // First sign-in: the set-up code from the admin, a new PIN; then open loket 3.
    await button(counter, 'Masuk pertama kali').waitFor();
    await axe(counter, 'counter sign-in');
    await button(counter, 'Masuk pertama kali').click();
    await axe(counter, 'counter first PIN');
    await counter.getByLabel('Kode set-up').fill(setupCode);
    await counter.getByLabel('PIN baru', { exact: true }).fill(PIN);
    await counter.getByLabel('Ulangi PIN baru').fill(PIN);
    await button(counter, 'Simpan PIN dan masuk').click();
    await counter.getByLabel('Nomor loket').waitFor();
    await axe(counter, 'counter open loket');
    await counter.getByLabel('Nomor loket').fill('3');
    await button(counter, 'Buka loket').click();
    await counter.getByRole('region', { name: 'Sedang dilayani' }).waitFor();

    await button(board, 'Aktifkan suara').waitFor();
    await axe(board, 'board before sound');
    await button(board, 'Aktifkan suara').click();
    await waitForSync(kiosk);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a kiosk issues, the counter calls, the board shows and announces it, the phone follows', async () => {
    const number = await takeKtpTicket(kiosk);
    await button(kiosk, 'Selesai').click();
    const id = await ticketId(kiosk, number);
    const phone = await (
      await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'id-ID' })
    ).newPage();
    await phone.goto(`${server.url}/t/${id}`);
    await phone.getByText('Menunggu panggilan', { exact: true }).waitFor({ timeout: 10_000 });

    const waiting = counter.getByRole('region', { name: /^Menunggu/ });
    await waiting.getByText(number, { exact: true }).waitFor({ timeout: 10_000 });
    await counter.getByRole('button', { name: /^Panggil berikutnya/ }).click();
    await counter
      .getByRole('region', { name: 'Sedang dilayani' })
      .getByText(number, { exact: true })
      .waitFor();

    const now = board.getByRole('region', { name: /^Dipanggil/ });
    await now.getByText(number, { exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => now.textContent()).toContain('Silakan menuju loket 3');
    await expect
      .poll(() => board.getByTestId('board-spoken').textContent())
      .toBe(announceCall(number, '3').text);
    await axe(counter, 'counter desk with a called ticket');
    await axe(board, 'board with a call');
    // The phone page hears it by the server's stream, without a reload.
    await phone
      .getByText('Dipanggil — silakan menuju loket 3', { exact: true })
      .waitFor({ timeout: 10_000 });
    await axe(phone, 'phone page, called');
    await phone.context().close();
  });

  it('keeps calling with the server down, and the board catches up when it returns', async () => {
    await counter.getByRole('button', { name: /^Selesai/ }).click();
    const second = await takeKtpTicket(kiosk);
    await button(kiosk, 'Selesai').click();
    const waiting = counter.getByRole('region', { name: /^Menunggu/ });
    await waiting.getByText(second, { exact: true }).waitFor({ timeout: 10_000 });

    await server.stop();
    await counter.keyboard.press('b');
    await counter
      .getByRole('region', { name: 'Sedang dilayani' })
      .getByText(second, { exact: true })
      .waitFor();
    await board
      .getByText('Papan tidak terhubung ke server — panggilan tetap ditampilkan di loket.', {
        exact: false,
      })
      .waitFor({ timeout: 30_000 });

    // The same address and data: the devices find it again.
    server = await startServer({ configDir, port: server.port, dataDir: server.dataDir });
    await board
      .getByRole('region', { name: /^Dipanggil/ })
      .getByText(second, { exact: true })
      .waitFor({ timeout: 60_000 });
  });

  it('calls by its typed number a ticket issued while the kiosk was cut off, and joins it later', async () => {
    await counter.getByRole('button', { name: /^Selesai/ }).click();
    await waitForSync(kiosk);
    await server.stop();
    // The kiosk prints offline: the counter's replica cannot know this ticket.
    const unseen = await takeKtpTicket(kiosk);
    await button(kiosk, 'Selesai').click();

    await counter.getByRole('button', { name: /^Panggil nomor tertentu/ }).click();
    await counter.getByLabel('Nomor atau QR tiket').fill(unseen.toLowerCase().replace('-', ''));
    await counter.getByRole('dialog').getByRole('button', { name: 'Panggil', exact: true }).click();
    const serving = counter.getByRole('region', { name: 'Sedang dilayani' });
    const note = 'Tiket belum tersinkron ke loket ini; dicocokkan saat tiketnya tiba.';
    await serving.getByText(note).waitFor();
    await axe(counter, 'counter desk with an unseen ticket');

    server = await startServer({ configDir, port: server.port, dataDir: server.dataDir });
    // Once the kiosk's ticket reaches the counter, the call joins it: its printed number.
    await serving.getByText(unseen, { exact: true }).waitFor({ timeout: 60_000 });
    await expect.poll(() => serving.getByText(note).count(), { timeout: 10_000 }).toBe(0);
    const id = await ticketId(kiosk, unseen);
    const status = await (await fetch(`${server.url}/api/v1/tickets/${id}`)).json();
    expect(status).toMatchObject({ status: 'called', loket: '3' });
  });

  it('a journey: the counter scans the QR, and the phone on step 1 goes on to step 2', async () => {
    await counter.getByRole('button', { name: /^Selesai/ }).click();
    // BPJS Kesehatan needs Disdukcapil first: one visit, two tickets, step 1's number large.
    await button(kiosk, 'Sentuh untuk mulai').click();
    await button(kiosk, 'BPJS Kesehatan').click();
    await button(
      kiosk,
      'Perubahan data peserta (NIK, nama, tanggal lahir, alamat, anggota keluarga)',
    ).click();
    await button(kiosk, 'Periksa Persyaratan').click();
    // Its checklist asks a question first ("Tidak"), then the documents.
    await button(kiosk, 'Tidak').first().click();
    await markAllPresent(kiosk);
    await kiosk.getByRole('button', { name: /^Ambil nomor untuk keduanya/ }).click();
    await button(kiosk, 'Tidak').click();
    await button(kiosk, 'Ambil Nomor Antrean').click();
    const first = await ticketNumber(kiosk);
    expect(first).toMatch(/^A-/);
    await kiosk.locator('main').getByText('Langkah 1 dari 2 — nomor Anda sekarang').waitFor();
    await axe(kiosk, 'kiosk ticket, journey');
    // The whole journey ticket is in view above the buttons, in portrait and in landscape,
    // with normal and with large text: nothing of it is under the buttons or below the fold.
    const inView = () =>
      kiosk.evaluate(() => {
        const actions = document.querySelector('main .screen-actions')?.getBoundingClientRect();
        const parts = [...document.querySelectorAll('main .screen-body *')];
        const lowest = Math.max(...parts.map((part) => part.getBoundingClientRect().bottom));
        if (!actions) return 'no buttons';
        if (window.scrollY > 0) return `scrolled by ${window.scrollY}`;
        if (lowest > actions.top + 1)
          return `${Math.round(lowest - actions.top)} px under the buttons`;
        return actions.bottom <= window.innerHeight + 1 ? 'in view' : 'buttons below the fold';
      });
    const layouts: string[] = [];
    const toggle = async (name: string, on: boolean) => {
      const control = kiosk.locator('header').getByRole('button', { name, exact: true });
      if (((await control.getAttribute('aria-pressed')) === 'true') !== on) await control.click();
    };
    for (const lang of ['id', 'en'] as const) {
      if (lang === 'en') await button(kiosk, 'English').click();
      const large = lang === 'id' ? 'Teks besar' : 'Large text';
      for (const viewport of [
        { width: 1080, height: 1920 },
        { width: 1920, height: 1080 },
      ]) {
        await kiosk.setViewportSize(viewport);
        for (const on of [false, true]) {
          await toggle(large, on);
          const where = `${lang} ${viewport.width}×${viewport.height}${on ? ' large' : ''}`;
          layouts.push(`${where}: ${await inView()}`);
        }
        await toggle(large, false);
      }
    }
    await button(kiosk, 'Bahasa Indonesia').click();
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    expect(layouts).toEqual(
      ['id', 'en'].flatMap((lang) =>
        ['1080×1920', '1080×1920 large', '1920×1080', '1920×1080 large'].map(
          (where) => `${lang} ${where}: in view`,
        ),
      ),
    );
    const qr = /https?:\/\/\S+\/t\/\S+/.exec(
      (await kiosk.locator('.print-area').textContent()) ?? '',
    );
    const id = /\/t\/([0-9a-f-]{36})/.exec(qr?.[0] ?? '')?.[1];
    await button(kiosk, 'Selesai').click();
    await waitForSync(kiosk);

    const phone = await (
      await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'id-ID' })
    ).newPage();
    await phone.goto(`${server.url}/t/${id}`);
    await phone.getByText('Langkah Anda sekarang: 1 dari 2').waitFor({ timeout: 10_000 });
    await axe(phone, 'phone page, journey step 1');

    // The counter of step 1 scans the QR (a USB scanner types it) and calls that ticket.
    await counter.getByRole('button', { name: /^Panggil nomor tertentu/ }).click();
    await counter.getByLabel('Nomor atau QR tiket').fill(qr?.[0] ?? '');
    await counter.getByRole('dialog').getByRole('button', { name: 'Panggil', exact: true }).click();
    await counter
      .getByRole('region', { name: 'Sedang dilayani' })
      .getByText(first, { exact: true })
      .waitFor();
    await phone
      .getByText('Dipanggil — silakan menuju loket 3', { exact: true })
      .waitFor({ timeout: 10_000 });
    await counter.getByRole('button', { name: /^Selesai/ }).click();

    // The phone following step 1 learns, by the stream, that step 2 is its step now.
    await phone
      .getByText(`Langkah 1 (${first}) sudah selesai. Silakan lanjut ke langkah 2.`)
      .waitFor({ timeout: 10_000 });
    await phone.getByText('Langkah Anda sekarang: 2 dari 2').waitFor();
    expect(await phone.locator('.ticket-number').textContent()).toMatch(/^E-/);
    await axe(phone, 'phone page, journey step 2');
    await phone.context().close();
  });

  it('starts the counter and the board offline after their first load', async () => {
    await waitForServiceWorker(counter);
    await waitForServiceWorker(board);
    await server.stop();
    try {
      await counter.reload();
      await board.reload();
      // A reload signs the staff out; sign-in works from the verifiers the counter holds.
      await counter.getByRole('heading', { name: 'Masuk petugas' }).waitFor();
      await board.getByRole('heading', { name: 'Papan antrean' }).waitFor();
      // Each its own shell: neither loaded the kiosk's entry.
      for (const page of [counter, board]) {
        const scripts = await page.evaluate(() =>
          [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? ''),
        );
        expect(scripts.some((src) => src.includes('/index-'))).toBe(false);
      }
    } finally {
      server = await startServer({ configDir, port: server.port, dataDir: server.dataDir });
    }
  });

  it('counts wrong PINs on two counters together and then refuses even the right one', async () => {
    const second = await device(
      '/counter',
      { width: 1920, height: 1080 },
      'Loket (PC meja petugas)',
    );
    const alertText = (page: Page) =>
      page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? '');
    const tryPin = async (page: Page, pin: string) => {
      const field = page.getByLabel('PIN', { exact: true });
      if (!(await field.isVisible())) await button(page, 'Sari Wulandari').click();
      const before = await alertText(page);
      await field.fill(pin);
      await button(page, 'Masuk').click();
      await expect.poll(() => alertText(page), { timeout: 10_000 }).not.toBe(before);
      return alertText(page);
    };

    const first = [];
    for (let i = 0; i < 3; i++) first.push(await tryPin(counter, '111000'));
    const onSecond = [await tryPin(second, '222000'), await tryPin(second, '222000')];
    const right = await tryPin(counter, PIN);

    expect(first.map((m) => m.match(/Sisa percobaan: \d/)?.[0])).toEqual([
      'Sisa percobaan: 4',
      'Sisa percobaan: 3',
      'Sisa percobaan: 2',
    ]);
    expect(onSecond[0]).toContain('Sisa percobaan: 1');
    expect(onSecond[1]).toContain('Terlalu banyak PIN salah');
    expect(right).toContain('Terlalu banyak PIN salah');
    await second.context().close();
  });
});
