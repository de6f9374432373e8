/**
 * The catalogue import from an .xlsx in real Chromium (1280×800): the admin downloads the
 * .xlsx template and sends it back unchanged (every row the same, nothing to publish); a
 * workbook with a bad row is refused row by row, a broken file as a whole; the good one is
 * published and the catalogue shows the new service. The screen is kept as PNGs in
 * Indonesian and English (test/artifacts/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const XLSX_FIELD = 'Berkas CSV atau Excel (.xlsx)';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('katalog');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
}

describe.skipIf(!chromiumAvailable())('the catalogue import from an .xlsx in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    // The site's first admin, as a new site makes one.
    await page.goto(`${server.url}/admin`);
    await button(page, 'Situs baru: admin pertama').click();
    await page.getByLabel('Kode bootstrap').fill(bootstrapCodeIn(server.dataDir) ?? '');
    await page.getByLabel('Nama').fill('Dewi Lestari');
    await page.getByLabel('PIN baru', { exact: true }).fill('730461');
    await page.getByLabel('Ulangi PIN baru').fill('730461');
    await button(page, 'Jadikan saya admin').click();
    await page.getByRole('heading', { name: 'Perangkat', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the .xlsx template back unchanged: every row the same, nothing to publish', async () => {
    await page.getByRole('link', { name: 'Katalog' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Unduh templat Excel (.xlsx)').click(),
    ]);
    const template = readFileSync(await download.path());

    await page.getByLabel(XLSX_FIELD).setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: template,
    });
    await button(page, 'Periksa').click();
    await page.getByRole('caption').getByText('Setiap baris').waitFor();

    expect(download.suggestedFilename()).toBe('katalog-layanan.xlsx');
    expect(template.subarray(0, 2).toString()).toBe('PK');
    const services = alwaysOpenSample().agencies.reduce((n, a) => n + a.services.length, 0);
    const rows = page.getByRole('table').first().locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(services);
    expect(await rows.filter({ hasText: 'Sama' }).count()).toBe(services);
    expect(await button(page, 'Terbitkan sebagai versi baru').isDisabled()).toBe(true);
  }, 60_000);

  it('refuses a bad row of a workbook, then publishes the good one', async () => {
    const header = ['instansi', 'layanan', 'nama', 'nama_en', 'persyaratan', 'persyaratan_en'];
    const good = [
      'disdukcapil',
      'akta-kematian',
      'Akta Kematian',
      'Death certificate',
      'Surat keterangan kematian',
      'Death statement',
    ];
    const upload = async (rows: (string | number)[][]) =>
      page.getByLabel(XLSX_FIELD).setInputFiles({
        name: 'katalog.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook(rows),
      });
    await page.getByRole('link', { name: 'Katalog' }).click();

    await upload([
      [...header, 'menit_layanan', 'biaya'],
      [...good, 20, 'gratis'],
      [],
      ['disdukcapil', 'akta-lahir', 'Akta Lahir'],
    ]);
    await button(page, 'Periksa').click();
    await page.getByRole('row', { name: /^4 akta-lahir Ditolak/ }).waitFor();
    expect(await button(page, 'Terbitkan sebagai versi baru').isDisabled()).toBe(true);
    await axe(page, 'xlsx import refused');
    mkdirSync(ARTIFACTS, { recursive: true });
    // The import's panel at the top of the window: the templates, the file, the rows.
    const shoot = async (lang: string) => {
      await page.locator('#admin-import').evaluate((heading) => heading.scrollIntoView());
      await page.screenshot({ path: join(ARTIFACTS, `admin-catalogue-xlsx-${lang}.png`) });
    };
    await shoot('id');
    await button(page, 'English').click();
    await page.getByRole('row', { name: /^4 akta-lahir Refused/ }).waitFor();
    await shoot('en');
    await button(page, 'Bahasa Indonesia').click();
    // A file that is no workbook: refused with the server's reason, nothing published.
    await page.getByLabel(XLSX_FIELD).setInputFiles({
      name: 'rusak.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK bukan lembar kerja'),
    });
    await button(page, 'Periksa').click();
    await page
      .getByRole('alert')
      .getByText(/^Not a readable \.xlsx/)
      .waitFor();

    await upload([
      [...header, 'menit_layanan', 'biaya'],
      [...good, 20, 'gratis'],
    ]);
    await button(page, 'Periksa').click();
    await page.getByText('Layanan akta-kematian ditambahkan').waitFor();
    await button(page, 'Terbitkan sebagai versi baru').click();
    await page
      .getByRole('status')
      .getByText(/^Diterbitkan sebagai versi /)
      .waitFor();
    await page.getByRole('row', { name: /^Akta Kematian/ }).waitFor();
  }, 60_000);
});
