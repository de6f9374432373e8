/**
 * The catalogue editor in real Chromium (1280×800): an admin changes a service's cost to an
 * invalid amount — every issue is shown and nothing is published; fixed, the check shows
 * what changes, and publishing makes the version devices are served, listed under
 * Konfigurasi. Axe on the editor; screenshots in Indonesian, English and large text
 * (150 % zoom) are kept in test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigBundle } from '../../src/domain/config/schema';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import {
  bootstrapCodeIn,
  ROOT,
  type RunningServer,
  startServer,
  writeConfigDir,
} from './support/server';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ADMIN_PIN = '730461';
const ARTIFACTS = join(ROOT, 'test/artifacts');
const PASPOR = 'Paspor dewasa (baru atau penggantian)';

async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
}

describe.skipIf(!chromiumAvailable())('the catalogue editor in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  /** The version the server serves devices now. */
  const served = async () =>
    ((await (await fetch(`${server.url}/api/v1/config`)).json()) as ConfigBundle).version;

  /** Katalog → Ubah Imigrasi, from wherever the page is; the passport service opened. */
  async function openPassport(p: Page) {
    await p.getByRole('link', { name: 'Perangkat' }).click();
    await p.getByRole('link', { name: 'Katalog' }).click();
    await button(p, 'Ubah Imigrasi').click();
    await p.getByRole('heading', { name: 'Ubah Imigrasi' }).waitFor();
    await p.locator('summary', { hasText: PASPOR }).click();
    const service = p.getByRole('group', { name: PASPOR });
    return { service, cost: service.getByRole('group', { name: 'Biaya / tarif' }) };
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${server.url}/admin`);
    await button(page, 'Situs baru: admin pertama').click();
    await page.getByLabel('Kode bootstrap').fill(bootstrapCodeIn(server.dataDir) ?? '');
    await page.getByLabel('Nama').fill('Dewi Lestari');
    await page.getByLabel('PIN baru', { exact: true }).fill(ADMIN_PIN);
    await page.getByLabel('Ulangi PIN baru').fill(ADMIN_PIN);
    await button(page, 'Jadikan saya admin').click();
    await page.getByRole('heading', { name: 'Perangkat', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every issue of an invalid cost and publishes nothing', async () => {
    const before = await served();
    const { service, cost } = await openPassport(page);
    await axe(page, 'editor');

    await cost.getByLabel('Jumlah (rupiah)').first().fill('-350000');
    await cost.getByLabel('Dasar hukum').fill('');
    await button(page, 'Periksa').click();

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'masalah; tidak ada yang diterbitkan' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^2 masalah/);
    await alert.getByText('agencies/imigrasi.json $.services[0].cost.items[0].amount').waitFor();
    await alert.getByText('agencies/imigrasi.json $.services[0].cost.legalBasis').waitFor();
    await service.getByText('Masalah di layanan ini').waitFor();
    expect(await button(page, 'Terbitkan').isDisabled()).toBe(true);
    await axe(page, 'editor with issues');
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-issues.png') });
    expect(await served()).toBe(before);
  }, 60_000);

  it('shows the changes of a valid cost, publishes them, and lists the new version', async () => {
    const before = await served();
    const { cost } = await openPassport(page);

    await cost.getByLabel('Jumlah (rupiah)').first().fill('400000');
    await button(page, 'Periksa').click();
    await page.getByText('Tidak ada masalah.').waitFor();
    await page.getByText('Layanan imigrasi-paspor-dewasa diubah: biaya').waitFor();
    await axe(page, 'editor with changes');
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-changes.png') });
    await button(page, 'Terbitkan').click();
    await page.getByRole('alertdialog').waitFor();
    await button(page, 'Ya, terbitkan').click();

    const note = page.getByRole('status').filter({ hasText: 'Diterbitkan sebagai versi' });
    await note.waitFor();
    const version = await served();
    expect(version).not.toBe(before);
    expect(await note.textContent()).toContain(version.slice(0, 12));
    await expect
      .poll(() => page.locator('.admin-section code').first().textContent())
      .toBe(version.slice(0, 12));
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-list-published.png') });
    await page.getByRole('link', { name: 'Konfigurasi' }).click();
    const row = page.getByRole('row', { name: new RegExp(version.slice(0, 12)) });
    await row.getByText('dipakai sekarang').waitFor();
    await row.getByText('Diterbitkan dari admin').waitFor();
    const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as ConfigBundle;
    const paspor = config.agencies
      .find((a) => a.id === 'imigrasi')
      ?.services.find((s) => s.id === 'imigrasi-paspor-dewasa');
    expect(paspor?.cost.kind === 'fixed' && paspor.cost.items[0]?.amount).toBe(400_000);
  }, 60_000);

  it('reads in English and with large text (150 % zoom), axe clean', async () => {
    await page.getByRole('link', { name: 'Perangkat' }).click();
    await page.getByRole('link', { name: 'Katalog' }).click();
    await button(page, 'Ubah Imigrasi').click();
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-id.png') });
    // The agency's online channel (M-Paspor), as the kiosk offers it when no number can be taken.
    const online = page.getByRole('group', { name: 'Layanan daring 1' }).first();
    expect(await online.getByLabel('Nama (Indonesia)').inputValue()).toBe('M-Paspor');
    await online.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-online-id.png') });
    await button(page, 'English').click();
    await page.getByRole('heading', { name: 'Edit Immigration' }).waitFor();
    await page.locator('summary', { hasText: 'Adult passport' }).click();
    await axe(page, 'editor, English');
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-en.png') });
    await button(page, 'Bahasa Indonesia').click();

    // Large text: the browser zoomed to 150 %, as a desk PC's user would.
    const zoomed = await (
      await browser.newContext({
        viewport: { width: 853, height: 533 },
        deviceScaleFactor: 1.5,
      })
    ).newPage();
    await zoomed.goto(`${server.url}/admin`);
    await zoomed.getByLabel('Nama').fill('Dewi Lestari');
    await zoomed.getByLabel('PIN', { exact: true }).fill(ADMIN_PIN);
    await button(zoomed, 'Masuk').click();
    await zoomed.getByRole('heading', { name: 'Perangkat', level: 1 }).waitFor();
    const { service } = await openPassport(zoomed);
    await axe(zoomed, 'editor, large text');
    await zoomed.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-large.png') });
    await service.scrollIntoViewIfNeeded();
    await zoomed.screenshot({ path: join(ARTIFACTS, 'catalogue-editor-large-service.png') });
    // Nothing is wider than the page: the form wraps instead.
    expect(
      await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await zoomed.context().close();
  }, 60_000);
});
