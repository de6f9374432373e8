/**
 * The kiosk by keyboard alone (Tab, Shift+Tab, Enter, Space), in real Chromium: every
 * screen change puts the focus on the screen's heading (what a screen reader announces),
 * Tab never leaves an open dialog (the idle warning, the check-in over the attract screen)
 * and a closed dialog gives the focus back; and a ticket is reached with no dead end.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { enrollLobbyKiosk, instrument } from './support/kiosk-page';
import { alwaysOpenSample, BIG_SITE } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

const KTP = 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)';
const CHECK_IN_DOOR = 'Sudah pesan antrean daring? Lapor hadir';

/** What has the focus: its tag, accessible name, pressed state, and the dialog it is in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const by = el?.getAttribute('aria-labelledby');
    const labels = [...((el as HTMLInputElement | null)?.labels ?? [])];
    const texts = (els: (Element | null)[]) => clean(els.map((e) => e?.textContent).join(' '));
    const name =
      el?.getAttribute('aria-label') ??
      (by
        ? texts(by.split(' ').map((id) => document.getElementById(id)))
        : labels.length > 0
          ? texts(labels)
          : clean(el?.textContent));
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: clean(name),
      pressed: el?.getAttribute('aria-pressed') ?? null,
      disabled: (el as HTMLButtonElement | null)?.disabled ?? false,
      dialog: el?.closest('[role="dialog"], [role="alertdialog"]')?.getAttribute('role') ?? null,
    };
  });
}

/** Waits for the screen whose h1 is `name` and checks the focus went to that heading. */
async function expectHeadingFocused(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect
    .poll(async () => {
      const f = await focused(page);
      return f.tag === 'h1' && (typeof name === 'string' ? f.name === name : name.test(f.name));
    })
    .toBe(true);
}

/**
 * Presses Tab until the control named `name` has the focus (a dead end fails the test);
 * every control on the way must have a name a screen reader can say.
 */
async function tabTo(page: Page, name: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') expect(f.name, `a ${f.tag} with no accessible name`).not.toBe('');
    if (f.name === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

/**
 * From "Pilih Layanan" of Disdukcapil to the ticket and back to the attract screen, by
 * keyboard: the KTP-el reprint, its question, every requirement present, no priority.
 */
async function fromServicesToTicket(page: Page) {
  await tabTo(page, KTP);
  await page.keyboard.press('Space');
  await expectHeadingFocused(page, KTP);
  await tabTo(page, 'Periksa Persyaratan');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Apakah KTP-el Anda hilang?');
  await tabTo(page, 'Tidak');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Apakah Anda membawa dokumen berikut?');

  // Each requirement: Tab to its "Ada" and press Space; the focus stays on the list.
  let marked = 0;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.name === 'Lanjut' && !f.disabled) break;
    if (f.name === 'Ada' && f.pressed === 'false') {
      await page.keyboard.press('Space');
      expect((await focused(page)).pressed).toBe('true');
      marked += 1;
    }
  }
  expect(marked).toBeGreaterThan(0);
  expect((await focused(page)).name).toBe('Lanjut');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Apakah Anda termasuk kelompok prioritas?');
  await tabTo(page, 'Tidak');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Periksa kembali pilihan Anda');
  await tabTo(page, 'Ambil Nomor Antrean');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Nomor Antrean Anda');
  expect(await page.locator('.ticket-number').textContent()).toMatch(/^A-\d{3}$/);
  await tabTo(page, 'Selesai');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, /^Selamat datang di /);
}

describe.skipIf(!chromiumAvailable())('kiosk by keyboard alone, focus that follows', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const bundle = alwaysOpenSample();
    // A short quiet spell before "Masih di sini?", for the warning's own test.
    const profiles = bundle.profiles.map((p) =>
      p.id === 'lobi-utama' ? { ...p, idle: { ...p.idle, warningAfterSeconds: 10 } } : p,
    );
    server = await startServer({ configDir: writeConfigDir({ ...bundle, profiles }) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
    await enrollLobbyKiosk(page, server, 'Anjungan keyboard');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reaches a ticket with Tab, Enter and Space, the focus on each new heading', async () => {
    await page.goto(`${server.url}/kiosk`);
    await expectHeadingFocused(page, /^Selamat datang di /);
    await tabTo(page, 'Sentuh untuk mulai');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Pilih Instansi');
    await tabTo(page, 'Disdukcapil');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Pilih Layanan');
    // Kembali by keyboard, and the agencies' heading has the focus again.
    await tabTo(page, 'Kembali');
    await page.keyboard.press('Space');
    await expectHeadingFocused(page, 'Pilih Instansi');
    await tabTo(page, 'Disdukcapil');
    await page.keyboard.press('Space');
    await expectHeadingFocused(page, 'Pilih Layanan');
    await fromServicesToTicket(page);
  });

  it('keeps Tab inside "Masih di sini?" and gives the focus back when answered', async () => {
    await page.goto(`${server.url}/kiosk`);
    await tabTo(page, 'Sentuh untuk mulai');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Pilih Instansi');
    await tabTo(page, 'Imigrasi');
    const warning = page.getByRole('alertdialog', { name: 'Masih di sini?' });
    await warning.waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await focused(page)).name).toBe('Ya, saya masih di sini');
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focused(page)).toMatchObject({ dialog: 'alertdialog' });
    }
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Imigrasi', dialog: null });
  });

  it('keeps Tab inside the check-in dialog and gives the focus back to its door', async () => {
    await page.goto(`${server.url}/kiosk`);
    await expectHeadingFocused(page, /^Selamat datang di /);
    // The door comes with the kiosk's idle duties, a moment after the attract screen.
    await page.getByRole('button', { name: CHECK_IN_DOOR }).waitFor({ timeout: 20_000 });
    await tabTo(page, CHECK_IN_DOOR);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Lapor hadir pemesanan' });
    await dialog.waitFor();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
      const f = await focused(page);
      expect(f.dialog, `Tab ${i + 1} went to “${f.name}”`).toBe('dialog');
      seen.add(f.name);
    }
    expect(seen.size).toBeGreaterThan(3); // it did walk the dialog's controls
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatchObject({ name: CHECK_IN_DOOR, dialog: null });
  });
});

describe.skipIf(!chromiumAvailable())('the big sample site by keyboard alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample(BIG_SITE)) });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
    await enrollLobbyKiosk(page, server, 'Anjungan keyboard besar');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reaches a ticket through an agency group, the focus on each new heading', async () => {
    await page.goto(`${server.url}/kiosk`);
    await expectHeadingFocused(page, /^Selamat datang di /);
    // The groups come with the rarer screens, warmed with the idle duties (their door).
    await page.getByRole('button', { name: CHECK_IN_DOOR }).waitFor({ timeout: 20_000 });
    await tabTo(page, 'Sentuh untuk mulai');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Pilih Instansi');
    await tabTo(page, 'Kependudukan dan Keimigrasian');
    await page.keyboard.press('Enter');
    // The open group's heading takes the focus, then its agencies are a Tab away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Kependudukan dan Keimigrasian');
    await tabTo(page, 'Disdukcapil');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Pilih Layanan');
    await fromServicesToTicket(page);
  });
});
