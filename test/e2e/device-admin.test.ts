/**
 * The admin's Devices section and a kiosk in real Chromium, together: a kiosk enrolled
 * from a code; its profile changed from the admin and picked up by the device (another
 * kiosk profile, then a counter's — its "not mine" screen links to /counter — and back);
 * a test print asked, printed once (window.print captured at its boundary) and its outcome
 * reported; the kiosk revoked, its refused screen, a ticket taken while refused, and the
 * kiosk taken back to enrollment from its own screen with a new code — the ticket then
 * reaches the server. axe on the new screens; screenshots in test/artifacts/ (admin
 * 1280×800, the kiosk 1080×1920), in Indonesian and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, instrument, setUpDevice, takeKtpTicket, waitForSync } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import {
  bootstrapCodeIn,
  ROOT,
  type RunningServer,
  startServer,
  writeConfigDir,
} from './support/server';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARTIFACTS = join(ROOT, 'test/artifacts');
const NAME = 'Anjungan uji';
const LOBBY = 'Anjungan lobi utama (printer 80 mm)';
const SIDE = 'Anjungan lobi samping (printer 58 mm, 8 instansi)';
const COUNTER = 'Loket (PC meja petugas)';

async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
}

/** The text of every print the page made, as the print area held it then. */
async function capturePrints(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __printedText: string[] };
    w.__printedText = [];
    const counted = window.print;
    window.print = () => {
      const areas = [...document.querySelectorAll('.print-area')];
      w.__printedText.push(areas.map((a) => a.textContent ?? '').join('\n'));
      counted();
    };
  });
}
const printed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __printedText: string[] }).__printedText);

/** The device's profile and last deviceSeq as its log holds them. */
function deviceState(page: Page): Promise<{ profileId: string; deviceSeq: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('anjungan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const meta = open.result.transaction('meta').objectStore('meta');
          const device = meta.get('device');
          const clock = meta.get('clock');
          clock.onsuccess = () => {
            resolve({ profileId: device.result.profileId, deviceSeq: clock.result.deviceSeq });
            open.result.close();
          };
        };
      }),
  );
}

describe.skipIf(!chromiumAvailable())('device administration in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let kiosk: Page;

  /** The device's row of the admin's list, read again. */
  const row = async (pattern: RegExp) => {
    await admin.getByRole('link', { name: 'Petugas' }).click();
    await admin.getByRole('link', { name: 'Perangkat' }).click();
    const found = admin.getByRole('row', { name: new RegExp(NAME) });
    await found.waitFor();
    const text = (await found.textContent()) ?? '';
    return pattern.test(text) ? text : null;
  };
  const rowMatches = (pattern: RegExp, timeout = 30_000) =>
    expect.poll(() => row(pattern), { timeout, interval: 500 }).not.toBeNull();
  const newCode = async () => {
    await button(admin, 'Buat kode pendaftaran').click();
    const code = (await admin.locator('.admin-code-value').textContent()) ?? '';
    await button(admin, 'Tutup').click();
    return code;
  };
  const setProfile = async (label: string) => {
    await admin.getByLabel(`Profil ${NAME}`, { exact: true }).selectOption({ label });
    await button(admin, `Terapkan profil ${NAME}`).click();
    await admin.getByRole('status').filter({ hasText: 'diubah' }).waitFor();
  };

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const device = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(device);
    await capturePrints(device);
    kiosk = await device.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });

    await admin.goto(`${server.url}/admin`);
    await button(admin, 'Situs baru: admin pertama').click();
    await admin.getByLabel('Kode bootstrap').fill(bootstrapCodeIn(server.dataDir) ?? '');
    await admin.getByLabel('Nama').fill('Dewi Lestari');
    await admin.getByLabel('PIN baru', { exact: true }).fill('730461');
    await admin.getByLabel('Ulangi PIN baru').fill('730461');
    await button(admin, 'Jadikan saya admin').click();
    await admin.getByRole('heading', { name: 'Perangkat', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrolls a kiosk, and the kiosk picks up a profile the admin changes', async () => {
    const code = await newCode();
    await kiosk.goto(`${server.url}/kiosk`);
    await setUpDevice(kiosk, { code, name: NAME, profile: LOBBY });
    await waitForSync(kiosk);
    await rowMatches(/Aktif/);
    await axe(admin, 'devices with a kiosk');

    await setProfile(SIDE);

    await expect
      .poll(async () => (await deviceState(kiosk)).profileId, { timeout: 30_000 })
      .toBe('lobi-58mm');
    await button(kiosk, 'Sentuh untuk mulai').waitFor();
  }, 90_000);

  it('asks a test print: the kiosk prints one slip and the admin sees it printed', async () => {
    const before = (await printed(kiosk)).length;

    await button(admin, `Cetak uji di ${NAME}`).click();
    await admin.getByRole('status').filter({ hasText: 'Cetak uji diminta' }).waitFor();

    await rowMatches(/Tercetak /);
    const slips = (await printed(kiosk)).slice(before);
    expect(slips).toHaveLength(1);
    expect(slips[0]).toMatch(/CETAK UJI.*Test print/s);
    expect(slips[0]).toContain(NAME);
    expect(slips[0]).toContain(SIDE);
    expect(slips[0]).toContain('browser 58 mm');
    const listed = admin.getByRole('row', { name: new RegExp(NAME) });
    await listed.scrollIntoViewIfNeeded();
    // Nothing wider than the screen: no sideways scrolling at 1280×800.
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-devices-id.png') });
    await button(admin, 'English').click();
    await admin.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    await listed.getByText(/Test print: Printed /).waitFor();
    await listed.scrollIntoViewIfNeeded();
    await axe(admin, 'devices in English');
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-devices-en.png') });
    await button(admin, 'Bahasa Indonesia').click();
  }, 60_000);

  it('sends a kiosk given a counter’s profile to the counter, and back', async () => {
    await setProfile(COUNTER);

    const notKiosk = kiosk.getByRole('heading', { name: 'Perangkat ini bukan anjungan' });
    await notKiosk.waitFor({ timeout: 30_000 });
    await axe(kiosk, 'not a kiosk');
    await kiosk.getByRole('link', { name: 'Ke loket To the counter' }).click();
    await kiosk.waitForURL(/\/counter$/);
    await setProfile(LOBBY);
    await kiosk.getByRole('heading', { name: 'Perangkat ini bukan loket' }).waitFor({
      timeout: 30_000,
    });
    await kiosk.getByRole('link', { name: 'Ke anjungan To the kiosk' }).click();

    await button(kiosk, 'Sentuh untuk mulai').waitFor();
    expect((await deviceState(kiosk)).profileId).toBe('lobi-utama');
  }, 90_000);

  it('revokes the kiosk, which takes a ticket while refused and is taken back with a new code', async () => {
    await waitForSync(kiosk, { pending: 0 });
    await button(admin, `Cabut ${NAME}`).click();
    await button(admin, 'Ya, cabut').click();
    await rowMatches(/Dicabut /);
    const lastSeq = admin.getByRole('row', { name: new RegExp(NAME) }).locator('.admin-number');
    const sentBefore = Number(await lastSeq.textContent());

    await kiosk.locator('.sync-badge[data-sync="refused"]').waitFor({ timeout: 30_000 });
    await axe(kiosk, 'refused kiosk');
    await kiosk.screenshot({ path: join(ARTIFACTS, 'kiosk-refused-id.png') });
    const number = await takeKtpTicket(kiosk);
    const { deviceSeq } = await deviceState(kiosk);
    expect(deviceSeq).toBe(sentBefore + 1);
    await kiosk
      .locator('.sync-badge[data-sync="refused"]')
      .filter({ hasText: '1 belum' })
      .waitFor();
    const code = await newCode();

    await button(kiosk, 'Daftarkan ulang').click();
    const form = kiosk.getByRole('heading', { name: /^Daftarkan Ulang Perangkat/ });
    await form.waitFor();
    expect(await kiosk.getByLabel('Nama perangkat').inputValue()).toBe(NAME);
    expect(await kiosk.getByLabel('Profil').inputValue()).toBe('lobi-utama');
    await axe(kiosk, 're-enrollment form');
    await kiosk.screenshot({ path: join(ARTIFACTS, 'kiosk-reenroll.png') });
    await kiosk.getByLabel('Kode pendaftaran').fill(code);
    await button(kiosk, 'Daftarkan ulang Enroll again').click();

    await button(kiosk, 'Sentuh untuk mulai').waitFor({ timeout: 30_000 });
    await waitForSync(kiosk, { pending: 0 });
    expect(number).toMatch(/^[A-Z]+-/);
    await rowMatches(/Aktif.*Didaftarkan ulang /);
    const taken = admin.getByRole('row', { name: new RegExp(NAME) });
    expect(await taken.locator('.admin-number').textContent()).toBe(String(deviceSeq));
    expect(await taken.textContent()).not.toContain('Galat sinkron terakhir');
    await admin.getByRole('link', { name: 'Log audit' }).click();
    await admin.getByText('device.reenroll').first().waitFor();
  }, 120_000);

  it('shows the refused kiosk in English too', async () => {
    await rowMatches(/Aktif/);
    await button(admin, `Cabut ${NAME}`).click();
    await button(admin, 'Ya, cabut').click();
    await kiosk.locator('.sync-badge[data-sync="refused"]').waitFor({ timeout: 30_000 });
    await button(kiosk, 'English').click();
    await kiosk.getByRole('heading', { level: 1 }).first().waitFor();

    await axe(kiosk, 'refused kiosk in English');
    await kiosk.screenshot({ path: join(ARTIFACTS, 'kiosk-refused-en.png') });
    // The staff's, like the badge: Indonesian alone, whatever the citizen's language.
    expect(await kiosk.locator('.sync-reenroll').textContent()).toBe('Daftarkan ulang');
    // Keyboard: the form opens on the code, Escape leaves it, focus back on the way in.
    await kiosk.locator('.sync-reenroll').focus();
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('setup-code');
    await kiosk.keyboard.press('Escape');
    await kiosk.locator('.reenroll-overlay').waitFor({ state: 'detached' });
    expect(await kiosk.evaluate(() => document.activeElement?.className)).toBe('sync-reenroll');
  }, 60_000);
});
