/**
 * The citizen's whole walk in real Chromium against the production build and the real
 * server: every screen found by role and name, checked by axe (WCAG 2.2 AA), the ticket
 * printed with print media emulated (58 mm screenshot kept in test/artifacts/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  instrument,
  setUpDevice,
  ticketNumber,
  touchAndTextSizes,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: the whole flow', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const checked: string[] = [];

  const prints = () => page.evaluate(() => (window as unknown as { __prints: number }).__prints);

  /** Axe on the current screen; the screen's name goes to the list of checked screens. */
  async function axe(screen: string) {
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    const violations = result.violations.map(
      (v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(violations).toEqual([]);
    const sizes = await touchAndTextSizes(page);
    expect(sizes.small, `${screen}: touch targets under 64 px`).toEqual([]);
    expect(sizes.tiny, `${screen}: text under 18 px`).toEqual([]);
    expect(sizes.baseFontPx, `${screen}: base text`).toBeGreaterThanOrEqual(24);
    checked.push(screen);
  }

  beforeAll(async () => {
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

  it('sets up a device and walks from the attract screen to a printed ticket', async () => {
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('heading', { name: 'Pendaftaran Perangkat' }).waitFor();
    await axe('setup');
    await setUpDevice(page, {
      code: await server.enrollmentCode(),
      name: 'Anjungan lobi samping',
      profile: 'Anjungan lobi samping (printer 58 mm, 8 instansi)',
    });

    await axe('attract');
    await button(page, 'Sentuh untuk mulai').click();
    await page.getByRole('heading', { name: 'Pilih Instansi' }).waitFor();
    await axe('agencies');
    await page.getByLabel('Cari instansi atau layanan…').fill('e-KTP');
    await page.getByRole('heading', { name: 'Instansi', level: 2 }).waitFor();
    expect(await button(page, 'Disdukcapil').count()).toBe(1);
    await axe('search');
    await button(page, 'Beranda').click();
    await button(page, 'Disdukcapil').click();
    await page.getByRole('heading', { name: 'Pilih Layanan' }).waitFor();
    await axe('services');
    await button(page, 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)').click();
    for (const part of [
      'Persyaratan',
      'Alur Pelayanan',
      'Jangka Waktu',
      'Biaya',
      'Produk Layanan',
      'Pengaduan',
    ]) {
      await page.getByRole('heading', { name: part, level: 2 }).waitFor();
    }
    await axe('detail');
    await button(page, 'Periksa Persyaratan').click();
    await page.getByRole('heading', { name: 'Apakah KTP-el Anda hilang?' }).waitFor();
    await axe('question');
    await button(page, 'Ya').click();
    await page.getByRole('heading', { name: 'Apakah Anda membawa dokumen berikut?' }).waitFor();
    await axe('checklist');
    const lossReport = page.getByRole('group', { name: /Surat keterangan kehilangan/ });
    await lossReport.getByRole('button', { name: 'Belum ada', exact: true }).click();
    for (const present of await page.getByRole('button', { name: 'Ada', exact: true }).all()) {
      if ((await present.getAttribute('aria-pressed')) === 'false') {
        const group = present.locator('xpath=ancestor::fieldset[1]');
        if (
          (await group.getByRole('button', { name: 'Belum ada' }).getAttribute('aria-pressed')) !==
          'true'
        ) {
          await present.click();
        }
      }
    }
    await button(page, 'Lanjut').click();
    await page.getByRole('heading', { name: 'Persyaratan wajib Anda belum lengkap' }).waitFor();
    await page.getByRole('img', { name: 'Kode QR daftar persyaratan' }).waitFor();
    await axe('missing');
    await button(page, 'Cetak Daftar').click();
    await expect.poll(prints).toBe(1);
    await button(page, 'Tetap ambil antrean untuk konsultasi').click();
    await page.getByText(/Pastikan Anda telah mengurus .* di Polres terlebih dahulu/).waitFor();
    await axe('prerequisite');
    await button(page, 'Sudah, lanjutkan').click();
    await page.getByRole('heading', { name: 'Apakah Anda termasuk kelompok prioritas?' }).waitFor();
    await axe('priority');
    await button(page, 'Lansia (60 tahun ke atas)').click();
    await axe('confirm');
    await button(page, 'Ambil Nomor Antrean').click();

    expect(await ticketNumber(page)).toBe('A-001');
    await page.locator('main').getByText('Antrean di depan Anda: 0').waitFor();
    await page.getByRole('img', { name: 'Kode QR tiket A-001' }).waitFor();
    await axe('ticket');
    await expect.poll(prints).toBe(2);
    // The paper's QR code was drawn before each print (the codes are drawn after paint).
    const printedQr = await page.evaluate(
      () => (window as unknown as { __printedQr: boolean[] }).__printedQr,
    );
    expect(printedQr).toEqual([true, true]);
  });

  it('lays the ticket out for 58 mm paper when printing', async () => {
    await page.emulateMedia({ media: 'print' });
    const width = await page.evaluate(
      () => document.querySelector('.print-area')?.getBoundingClientRect().width ?? 0,
    );
    const text = (await page.locator('.print-area').textContent()) ?? '';
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('.print-area').screenshot({ path: join(ARTIFACTS, 'ticket-58mm.png') });
    await page.emulateMedia({ media: 'screen' });

    expect(text).toContain('A-001');
    expect(text).toContain('Disdukcapil');
    expect(width).toBeGreaterThan(150);
    expect(width).toBeLessThanOrEqual(220); // 58 mm ≈ 219 CSS px
  });

  it('has the large-text / high-contrast toggle on every screen and axe is clean with it on', async () => {
    await button(page, 'Selesai').click();
    await button(page, 'Teks besar').click();
    expect(await button(page, 'Teks besar').getAttribute('aria-pressed')).toBe('true');
    await axe('attract, large text');
    await button(page, 'Sentuh untuk mulai').click();
    expect(await button(page, 'Teks besar').getAttribute('aria-pressed')).toBe('true');
    await axe('agencies, large text');
    expect(checked.length).toBeGreaterThanOrEqual(14);
  });

  it('fits a landscape screen (1920×1080) with the same checks', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await button(page, 'Beranda').click();
    await axe('agencies, landscape');
    await button(page, 'Polres').click();
    await axe('services, landscape');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await button(page, 'Kembali').click();
  });

  it('checks the idle warning with axe and clears everything after it', async () => {
    await page.clock.install();
    await button(page, 'Disdukcapil').click();
    await page.clock.runFor(61_000);
    await page.getByRole('alertdialog', { name: 'Masih di sini?' }).waitFor();
    await axe('idle warning');
    await page.clock.runFor(21_000);
    await button(page, 'Sentuh untuk mulai').waitFor();
  });
});
