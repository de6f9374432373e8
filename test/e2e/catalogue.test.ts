/**
 * Large catalogues in real Chromium, on both sample sites (kiosk-config: 15 agencies, no
 * groups; test/fixtures/kiosk-config-besar: 28 agencies, 105 services, groups), in
 * Indonesian and English, normal and large text: a service within three taps of the
 * agency screen, or one search; the scroll hint while the list goes on below the screen.
 * Screenshots of the big site at 1080×1920 in test/artifacts/.
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  enrollLobbyKiosk,
  instrument,
  markAllPresent,
  ticketNumber,
  touchAndTextSizes,
} from './support/kiosk-page';
import { alwaysOpenSample, BIG_SITE } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Lang = 'id' | 'en';
type Text = Record<Lang, string>;
/** The taps from the agency screen to a service (groups first on the big site). */
type Target = { path: Text[]; service: Text };

const PASSPORT: Text = {
  id: 'Paspor dewasa (baru atau penggantian)',
  en: 'Adult passport (new or replacement)',
};
const IMIGRASI: Text = { id: 'Imigrasi', en: 'Immigration' };
const SITES = [
  {
    name: 'kiosk-config',
    dir: 'kiosk-config',
    targets: [{ path: [IMIGRASI], service: PASSPORT }],
  },
  {
    name: 'kiosk-config-besar',
    dir: BIG_SITE,
    targets: [
      {
        path: [
          { id: 'Kependudukan dan Keimigrasian', en: 'Civil Registry and Immigration' },
          IMIGRASI,
        ],
        service: PASSPORT,
      },
      {
        path: [
          { id: 'Kesehatan dan Jaminan Sosial', en: 'Health and Social Security' },
          { id: 'Taspen', en: 'Taspen' },
        ],
        service: {
          id: 'Klaim pensiun dan tabungan hari tua (THT)',
          en: 'Pension and old-age savings (THT) claim',
        },
      },
    ] satisfies Target[],
  },
];
const MODES = [
  { lang: 'id' as const, large: false },
  { lang: 'en' as const, large: false },
  { lang: 'id' as const, large: true },
  { lang: 'en' as const, large: true },
];
const AGENCY_SCREEN: Text = { id: 'Pilih Instansi', en: 'Choose an Agency' };
const ALL_AGENCIES: Text = { id: 'Semua instansi', en: 'All agencies' };
const SEARCH: Text = { id: 'Cari instansi atau layanan…', en: 'Search agencies or services…' };
const MORE: Text = {
  id: 'Geser ke bawah untuk melihat lainnya',
  en: 'Swipe down to see more',
};

const exactButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * From a fresh attract screen to the agency screen, in a language and text size, once the
 * kiosk has warmed its rarer code on the attract screen (groups and the services offered
 * first come with it; a kiosk waits on that screen long before its first citizen).
 */
async function start(page: Page, server: RunningServer, lang: Lang, large: boolean) {
  await page.goto(`${server.url}/kiosk`);
  await exactButton(page, 'Sentuh untuk mulai').waitFor();
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').some((e) => e.name.includes('/rare-screens-')),
    null,
    { timeout: 15_000 },
  );
  await page.waitForTimeout(200);
  if (large) await exactButton(page, 'Teks besar').click();
  await exactButton(page, lang === 'en' ? 'English' : 'Bahasa Indonesia').click();
  await page.getByRole('heading', { level: 1, name: AGENCY_SCREEN[lang] }).waitFor();
  await page.getByRole('heading', { level: 2, name: ALL_AGENCIES[lang] }).waitFor();
}

/** Whether the page goes on below the screen, and whether the scroll hint is up. */
async function overflowAndHint(page: Page, lang: Lang) {
  await page.waitForTimeout(100); // a frame for the scroll-driven style to apply
  // Content below the screen: more than the last 48 px of scroll, where the hint leaves
  // (a control cut by less than that is all but whole on the screen).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - window.innerHeight - window.scrollY > 48,
  );
  const hint = await page.getByText(MORE[lang], { exact: true }).isVisible();
  return { overflow, hint };
}

describe.skipIf(!chromiumAvailable())('a large catalogue in Chromium', () => {
  let browser: Browser;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.stop();
  });

  describe.each(SITES)('site $name', (site) => {
    let server: RunningServer;
    let page: Page;

    beforeAll(async () => {
      server = await startServer({ configDir: writeConfigDir(alwaysOpenSample(site.dir)) });
      servers.push(server);
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      await instrument(context);
      page = await context.newPage();
      await enrollLobbyKiosk(page, server, 'Anjungan lobi utama');
    }, 60_000);

    it.each(MODES)(
      'reaches a service within three taps ($lang, large text $large)',
      async ({ lang, large }) => {
        for (const target of site.targets) {
          await start(page, server, lang, large);
          let taps = 0;
          const tap = async (control: Locator) => {
            await control.click();
            taps += 1;
          };
          for (const step of target.path) await tap(exactButton(page, step[lang]));
          await tap(exactButton(page, target.service[lang]));
          await page.getByRole('heading', { level: 1, name: target.service[lang] }).waitFor();
          expect(taps).toBeLessThanOrEqual(3);
        }
      },
    );

    it.each(MODES)(
      'reaches the passport by one search ($lang, large text $large)',
      async ({ lang, large }) => {
        await start(page, server, lang, large);
        await page.getByLabel(SEARCH[lang]).fill(lang === 'en' ? 'passport' : 'paspor');
        const services = page.getByRole('region', { name: lang === 'en' ? 'Services' : 'Layanan' });
        await services.getByRole('button').first().waitFor();
        const first = services.getByRole('button').first();
        expect(await first.getAttribute('aria-labelledby')).not.toBeNull();
        await expect.poll(() => first.textContent()).toContain(PASSPORT[lang]);
        await first.click();
        await page.getByRole('heading', { level: 1, name: PASSPORT[lang] }).waitFor();
      },
    );

    // The big site's only (defined there, not skipped here): its Taspen service is on no
    // main row before the ticket, so the row's change is the ticket's doing.
    if (site.dir === BIG_SITE) {
      it('offers today’s most-asked services first once tickets are taken, one tap away', async () => {
        await start(page, server, 'id', false);
        const main = page.getByRole('region', { name: 'Layanan utama' });
        expect(await main.getByRole('button').count()).toBe(4);
        await exactButton(page, 'Kesehatan dan Jaminan Sosial').click();
        await exactButton(page, 'Taspen').click();
        await exactButton(page, 'Otentikasi peserta pensiun').click();
        await exactButton(page, 'Periksa Persyaratan').click();
        await markAllPresent(page);
        await exactButton(page, 'Tidak').click();
        await exactButton(page, 'Ambil Nomor Antrean').click();
        expect(await ticketNumber(page)).toMatch(/^P-/);

        await start(page, server, 'id', false);
        const today = page.getByRole('region', { name: 'Paling banyak dicari hari ini' });
        const first = today.getByRole('button').first();
        await expect.poll(() => first.textContent()).toContain('Otentikasi peserta pensiun');
        await first.click();
        await page.getByRole('heading', { level: 1, name: 'Otentikasi peserta pensiun' }).waitFor();
      });
    }

    it('shows the scroll hint exactly while the list goes on below the screen', async () => {
      const seen: boolean[] = [];
      const views = [
        { name: 'agency screen', open: async () => {} },
        {
          // A broad search: a long list of services.
          name: 'search "pendaftaran"',
          open: (lang: Lang) =>
            page.getByLabel(SEARCH[lang]).fill(lang === 'en' ? 'registration' : 'pendaftaran'),
        },
      ];
      for (const { lang, large } of MODES) {
        for (const view of views) {
          await start(page, server, lang, large);
          await view.open(lang);
          const top = await overflowAndHint(page, lang);
          expect(top.hint, `${view.name}, ${lang}, large=${large}`).toBe(top.overflow);
          seen.push(top.overflow);
          if (!top.overflow) continue;
          // Half way down: the list still goes on below (the hint leaves in the last 48 px).
          const rest = await page.evaluate(
            () => document.documentElement.scrollHeight - window.innerHeight,
          );
          await page.mouse.wheel(0, Math.floor(rest / 2));
          await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
          expect((await overflowAndHint(page, lang)).hint, 'still more below').toBe(
            (await overflowAndHint(page, lang)).overflow,
          );
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await expect.poll(async () => (await overflowAndHint(page, lang)).hint).toBe(false);
        }
      }
      // The long lists overflow: the hint is tested showing, not only absent.
      expect(seen).toContain(true);
      expect(seen).toContain(false);
    });
  });

  it('the big site: groups on one screen, axe-clean, 64 px targets; screenshots', async () => {
    const server = await startServer({ configDir: writeConfigDir(alwaysOpenSample(BIG_SITE)) });
    servers.push(server);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await enrollLobbyKiosk(page, server, 'Anjungan lobi timur');
    const shots: [Lang, boolean, string][] = [
      ['id', false, 'catalogue-agencies-id.png'],
      ['en', false, 'catalogue-agencies-en.png'],
      ['id', true, 'catalogue-agencies-large.png'],
    ];
    for (const [lang, large, file] of shots) {
      await start(page, server, lang, large);
      const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await page.getByLabel(SEARCH[lang]).fill('x');
      const sizes = await touchAndTextSizes(page);
      expect(sizes.small, 'targets under 64 px (the clear button included)').toEqual([]);
      await exactButton(page, lang === 'en' ? 'Clear search' : 'Hapus pencarian').click();
      // Every group is on the first screen, above the fold, in normal text.
      if (!large) {
        const last = page.getByRole('button', { name: /^Tanah, Air dan Listrik|^Land, Water/ });
        const box = await last.boundingBox();
        expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(1920);
      }
      await page.screenshot({ path: join(ARTIFACTS, file) });
    }
    await start(page, server, 'id', false);
    await page.getByLabel(SEARCH.id).fill('paspor');
    await page.getByRole('region', { name: 'Layanan' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-search-paspor-id.png') });
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
    await start(page, server, 'id', false);
    await exactButton(page, 'Kesehatan dan Jaminan Sosial').click();
    // The open group's heading has focus: a screen reader hears where the tap led.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Kesehatan dan Jaminan Sosial');
    await page.screenshot({ path: join(ARTIFACTS, 'catalogue-group-id.png') });
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
    expect((await touchAndTextSizes(page)).small).toEqual([]);
    await context.close();
  }, 60_000);
});
