/**
 * Bad news first, in real Chromium against the production build and the real server, in
 * Indonesian, English and large text: the attract screen of a closed MPP, a service page
 * that cannot take a number (notice and alternatives first, in the DOM and on screen), the
 * spent-quota screen, and the missing list whose first choice is keeping it. Each screen
 * checked by axe (WCAG 2.2 AA) and the 64 px / 18 px rules, its screenshot at 1080×1920 in
 * test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigBundle, Profile, Weekday } from '../../src/domain/config/schema';
import { addDays } from '../../src/domain/lease-days';
import { localClock, WEEKDAYS } from '../../src/domain/time';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, instrument, markAllPresent, touchAndTextSizes } from './support/kiosk-page';
import { alwaysOpenSample, BIG_SITE } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const TAX = 'Pembayaran pajak kendaraan tahunan (pengesahan STNK)';
const TAX_ID = 'samsat-pajak-tahunan';

/** The sample site with an English kiosk profile and a visit the day after tomorrow with the tax. */
function sample(): ConfigBundle {
  const config = alwaysOpenSample();
  const lobby = config.profiles.find((p) => p.id === 'lobi-utama') as Profile;
  const today = localClock(Date.now(), 'Asia/Jakarta').day;
  return {
    ...config,
    profiles: [
      ...config.profiles,
      { ...lobby, id: 'lobi-en', name: 'Anjungan lobi (English)', language: 'en' },
    ],
    visits: [
      {
        id: 'lusa',
        date: addDays(today, 2),
        kelurahan: 'Tanjung Harapan',
        place: 'Aula Kantor Kelurahan',
        hours: { from: '08:00', to: '14:00' },
        services: [{ service: TAX_ID, quota: 40 }],
      },
    ],
  };
}

/** Open every day but today (Jakarta), 08.00–15.00: closed now at any hour. */
function closedToday(config: ConfigBundle): ConfigBundle {
  const today = localClock(Date.now(), 'Asia/Jakarta').weekday;
  const days: Weekday[] = WEEKDAYS.filter((d) => d !== today);
  return {
    ...config,
    site: { ...config.site, openingHours: [{ days, from: '08:00', to: '15:00' }] },
  };
}

/** The tax with a quota of one a day. */
function taxQuotaOfOne(config: ConfigBundle): ConfigBundle {
  return {
    ...config,
    agencies: config.agencies.map((a) => ({
      ...a,
      services: a.services.map((s) => (s.id === TAX_ID ? { ...s, dailyQuota: 1 } : s)),
    })),
  };
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A screenshot of the screen as it stands, after axe and the kiosk's size rules pass on it. */
async function shot(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${name}: ${v.id}`)).toEqual([]);
  const sizes = await touchAndTextSizes(page);
  expect(sizes.small, `${name}: touch targets under 64 px`).toEqual([]);
  expect(sizes.tiny, `${name}: text under 18 px`).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Whether `first` comes before `second` in the DOM and starts higher on the screen. */
async function comesFirst(first: Locator, second: Locator): Promise<boolean> {
  const order = await first.evaluate(
    (a, b) => Boolean(a.compareDocumentPosition(b as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    await second.elementHandle(),
  );
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  return order && a !== null && b !== null && a.y < b.y;
}

const prints = (page: Page) =>
  page.evaluate(() => (window as unknown as { __prints: number }).__prints);

describe.skipIf(!chromiumAvailable())('bad news first in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A kiosk of `profile` set up on `server`, on its attract screen. */
  async function kiosk(server: RunningServer, profile: string, name: string) {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1080, height: 1920 },
    });
    await instrument(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk`);
    await page.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
    await page.getByLabel('Nama perangkat').fill(name);
    await page.getByLabel('Profil').selectOption({ label: profile });
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    return { context, page };
  }

  describe('while the MPP is closed', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ configDir: writeConfigDir(closedToday(sample())) });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('says so first on the attract screen, with the next opening; a closed service says so atop its page', async () => {
      const { page, context } = await kiosk(server, 'Anjungan lobi utama (printer 80 mm)', 'A1');
      const title = page.getByRole('heading', { level: 1, name: 'MPP Kota Contoh sedang tutup' });
      await title.waitFor();
      const next = page.getByText(/^Buka lagi \w+ \d+ \w+, pukul 08\.00–15\.00 WIB\.$/);
      await next.waitFor();
      expect(await button(page, 'Sentuh untuk mulai').count()).toBe(0);
      const browse = button(page, 'Lihat layanan dan persyaratan');
      expect(await comesFirst(title, next)).toBe(true);
      expect(await comesFirst(next, browse)).toBe(true);
      await page.getByText('mencetak daftar persyaratan untuk dibawa pulang.').waitFor();
      await shot(page, 'a11y-closed-attract-id');
      await button(page, 'Teks besar').click();
      await next.waitFor();
      await shot(page, 'a11y-closed-attract-large');
      await button(page, 'Teks besar').click();

      await browse.click();
      await button(page, 'Samsat').click();
      await button(page, TAX).click();
      const notice = page.getByRole('region', { name: 'Layanan sedang tutup' });
      await notice.waitFor();
      const requirements = page.getByRole('heading', { name: 'Persyaratan', level: 2 });
      expect(await comesFirst(notice, requirements)).toBe(true);
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(/Datang lagi \w+ \d+ \w+, pukul 08\.00–15\.00 WIB\./);
      expect(text).toContain('MPP bergerak: Kelurahan Tanjung Harapan,');
      expect(text).toContain('Aplikasi SIGNAL (SAMSAT Digital Nasional): Google Play, App Store');
      expect(await button(page, 'Periksa Persyaratan').count()).toBe(0);
      await shot(page, 'a11y-closed-service-id');
      await button(page, 'Cetak daftar persyaratan').click();
      await expect.poll(() => prints(page)).toBe(1);
      expect(await page.locator('.print-area').textContent()).toContain('(Wajib)');
      await context.close();
    });

    it('says so in English on an English kiosk', async () => {
      const { page, context } = await kiosk(server, 'Anjungan lobi (English)', 'A2');
      const title = page.getByRole('heading', {
        level: 1,
        name: 'Kota Contoh Public Service Mall is closed now',
      });
      await title.waitFor();
      await page.getByText(/^Opens again on \w+ \d+ \w+, 08\.00–15\.00 WIB\.$/).waitFor();
      expect(await button(page, 'Touch to start').count()).toBe(0);
      await shot(page, 'a11y-closed-attract-en');
      await button(page, 'See services and requirements').click();
      await button(page, 'Vehicle tax (Samsat)').click();
      await page.getByRole('button', { name: /^Annual vehicle tax/ }).click();
      const notice = page.getByRole('region', { name: 'This service is closed now' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(
        'The SIGNAL (national digital Samsat) app: Google Play, App Store',
      );
      await shot(page, 'a11y-closed-service-en');
      await context.close();
    });
  });

  describe('while the big sample site is closed', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        configDir: writeConfigDir(closedToday(alwaysOpenSample(BIG_SITE))),
      });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('says so first, and a passport found through its group says why not and the app atop its page', async () => {
      const { page, context } = await kiosk(server, 'Anjungan lobi utama (printer 80 mm)', 'B1');
      const title = page.getByRole('heading', {
        level: 1,
        name: 'MPP Kota Contoh Raya sedang tutup',
      });
      await title.waitFor();
      await page.getByText(/^Buka lagi \w+ \d+ \w+, pukul 08\.00–15\.00 WIB\.$/).waitFor();
      expect(await button(page, 'Sentuh untuk mulai').count()).toBe(0);
      // The groups come with the rarer screens, warmed while the attract screen waits.
      await page
        .getByRole('button', { name: 'Sudah pesan antrean daring? Lapor hadir' })
        .waitFor({ timeout: 20_000 });
      await button(page, 'Lihat layanan dan persyaratan').click();
      await button(page, 'Kependudukan dan Keimigrasian').click();
      await button(page, 'Imigrasi').click();
      await page.getByRole('button', { name: /^Paspor dewasa/ }).click();
      const notice = page.getByRole('region', { name: 'Layanan sedang tutup' });
      await notice.waitFor();
      const requirements = page.getByRole('heading', { name: 'Persyaratan', level: 2 });
      expect(await comesFirst(notice, requirements)).toBe(true);
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(/Datang lagi \w+ \d+ \w+, pukul 08\.00–15\.00 WIB\./);
      expect(text).toContain('Aplikasi M-Paspor: Google Play, App Store');
      expect(await button(page, 'Periksa Persyaratan').count()).toBe(0);
      await shot(page, 'a11y-closed-passport-big-id');
      await context.close();
    });
  });

  describe('a quota used up', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ configDir: writeConfigDir(taxQuotaOfOne(sample())) });
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** Through the tax's questions and checklist to the Confirm screen. */
    async function toConfirm(page: Page) {
      await button(page, 'Sentuh untuk mulai').click();
      await button(page, 'Samsat').click();
      await button(page, TAX).click();
      await button(page, 'Periksa Persyaratan').click();
      await button(page, 'Tidak').click();
      await markAllPresent(page);
      await button(page, 'Tidak').click();
      await button(page, 'Ambil Nomor Antrean').waitFor();
    }

    it('refuses the second citizen with the alternatives and a way to another service; the page then says it first', async () => {
      const { page, context } = await kiosk(server, 'Anjungan lobi utama (printer 80 mm)', 'B1');
      await button(page, 'Sentuh untuk mulai').waitFor();
      // Two citizens at once on two screens of one kiosk: both reach Confirm, one number left.
      const other = await context.newPage();
      await other.goto(`${server.url}/kiosk`);
      await toConfirm(page);
      await toConfirm(other);
      await button(other, 'Ambil Nomor Antrean').click();
      await other.getByRole('heading', { name: 'Nomor Antrean Anda' }).waitFor();
      await other.close();

      await button(page, 'Ambil Nomor Antrean').click();
      await page.getByRole('heading', { name: 'Kuota layanan hari ini telah habis' }).waitFor();
      const instead = page.getByRole('region', { name: 'Yang dapat Anda lakukan' });
      const text = (await instead.textContent()) ?? '';
      expect(text).toMatch(/Datang lagi \w+ \d+ \w+, pukul \d\d\.\d\d–\d\d\.\d\d WIB\./);
      expect(text).toContain('MPP bergerak: Kelurahan Tanjung Harapan,');
      expect(text).toContain('SIGNAL');
      await shot(page, 'a11y-quota-screen-id');
      await button(page, 'English').click();
      await page
        .getByRole('heading', { name: "Today's quota for this service has been used up" })
        .waitFor();
      await page.getByRole('region', { name: 'What you can do instead' }).waitFor();
      await shot(page, 'a11y-quota-screen-en');
      await button(page, 'Large text').click();
      await shot(page, 'a11y-quota-screen-large');
      await button(page, 'Choose another service').click();
      await page.getByRole('heading', { name: 'Choose a Service' }).waitFor();

      // The service's page now says it first, before its standard, with the alternatives
      // (after a reload: the other screen's ticket is in this kiosk's log, not yet in its state).
      await page.reload();
      await button(page, 'Sentuh untuk mulai').click();
      await button(page, 'Samsat').click();
      await button(page, TAX).click();
      const notice = page.getByRole('region', { name: 'Kuota layanan hari ini telah habis' });
      await notice.waitFor();
      const requirements = page.getByRole('heading', { name: 'Persyaratan', level: 2 });
      expect(await comesFirst(notice, requirements)).toBe(true);
      expect(await notice.getByRole('region', { name: 'Yang dapat Anda lakukan' }).count()).toBe(1);
      expect(await notice.textContent()).toContain('Pilih layanan lain');
      expect(await button(page, 'Periksa Persyaratan').count()).toBe(0);
      await shot(page, 'a11y-quota-service-id');
      await button(page, 'English').click();
      const enNotice = page.getByRole('region', {
        name: "Today's quota for this service has been used up",
      });
      await enNotice.waitFor();
      expect(
        await comesFirst(enNotice, page.getByRole('heading', { name: 'Requirements', level: 2 })),
      ).toBe(true);
      await shot(page, 'a11y-quota-service-en');
      await button(page, 'Large text').click();
      expect(
        await comesFirst(enNotice, page.getByRole('heading', { name: 'Requirements', level: 2 })),
      ).toBe(true);
      await shot(page, 'a11y-quota-service-large');
      await context.close();
    });

    it('on missing documents, offers keeping the list first; consulting anyway comes last', async () => {
      const { page, context } = await kiosk(server, 'Anjungan lobi utama (printer 80 mm)', 'B2');
      await button(page, 'Sentuh untuk mulai').click();
      await button(page, 'Disdukcapil').click();
      await button(page, 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)').click();
      await button(page, 'Periksa Persyaratan').click();
      await button(page, 'Tidak').click();
      // Every document at hand but the first (the family card).
      for (const present of await button(page, 'Ada').all()) await present.click();
      await button(page, 'Belum ada').first().click();
      await button(page, 'Lanjut').click();
      await page.getByRole('heading', { name: 'Persyaratan wajib Anda belum lengkap' }).waitFor();
      const first = page.locator('main').getByRole('button').first();
      expect(await first.textContent()).toBe('Cetak Daftar');
      expect(await first.getAttribute('class')).toContain('btn--primary');
      const consult = button(page, 'Tetap ambil antrean untuk konsultasi');
      expect(await consult.getAttribute('class')).not.toContain('btn--primary');
      expect(await comesFirst(first, consult)).toBe(true);
      await shot(page, 'a11y-missing-id');
      await button(page, 'English').click();
      const firstEn = page.locator('main').getByRole('button').first();
      await page
        .getByRole('heading', { name: 'Your required documents are not complete' })
        .waitFor();
      expect(await firstEn.textContent()).toBe('Print List');
      await shot(page, 'a11y-missing-en');
      await button(page, 'Large text').click();
      expect(await page.locator('main').getByRole('button').first().textContent()).toBe(
        'Print List',
      );
      await shot(page, 'a11y-missing-large');
      await first.click();
      await expect.poll(() => prints(page)).toBe(1);
      await context.close();
    });
  });
});
