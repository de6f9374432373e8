/**
 * Every target a citizen touches at the kiosk is at least 64×64 CSS px, on every screen
 * of the walk to a ticket and on the attract screen's dialogs, in Indonesian and English,
 * in normal and in large text; and no screen has the browser's body margin (a white frame, a 16 px scroll).
 * The agency search's clear control is checked with the search itself.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, enrollLobbyKiosk, instrument, waitForSync } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const MIN = 64;

/** What the walk to a ticket reads and touches, in each language. */
const WORDS = {
  id: {
    agencies: 'Pilih Instansi',
    search: 'Cari instansi atau layanan…',
    agency: 'Disdukcapil',
    services: 'Pilih Layanan',
    service: 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)',
    requirements: 'Persyaratan',
    check: 'Periksa Persyaratan',
    question: 'Apakah KTP-el Anda hilang?',
    no: 'Tidak',
    checklist: 'Apakah Anda membawa dokumen berikut?',
    present: 'Ada',
    next: 'Lanjut',
    priority: 'Apakah Anda termasuk kelompok prioritas?',
    take: 'Ambil Nomor Antrean',
    ticket: 'Nomor Antrean Anda',
    done: 'Selesai',
  },
  en: {
    agencies: 'Choose an Agency',
    search: 'Search agencies or services…',
    agency: 'Civil registry (Disdukcapil)',
    services: 'Choose a Service',
    service: 'KTP-el reprint (damaged, lost or changed data)',
    requirements: 'Requirements',
    check: 'Check Requirements',
    question: 'Has your KTP-el been lost?',
    no: 'No',
    checklist: 'Do you have these documents with you?',
    present: 'I have it',
    next: 'Continue',
    priority: 'Do you belong to a priority group?',
    take: 'Take a Queue Number',
    ticket: 'Your Queue Number',
    done: 'Done',
  },
} as const;

/**
 * Visible interactive elements smaller than 64 px in either dimension, named for the
 * failure message. A checkbox or radio counts with its label (the label is the target).
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const targets = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="link"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="tab"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const boxOf = (el: Element) => {
      const box = el.getBoundingClientRect();
      const input = el as HTMLInputElement;
      if (el.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio')) {
        const label = input.labels?.[0]?.getBoundingClientRect();
        if (label) return { width: label.width, height: label.height };
      }
      return { width: box.width, height: box.height };
    };
    return [...document.querySelectorAll(targets)]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
      })
      .filter((el) => !el.closest('.search') || el.id === 'kiosk-search')
      .filter((el) => {
        const { width, height } = boxOf(el);
        return width < min || height < min;
      })
      .map((el) => {
        const { width, height } = boxOf(el);
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()} “${name}” ${Math.round(width)}×${Math.round(height)}`;
      });
  }, MIN);
}

/** The body's margin and how far the page scrolls vertically. */
function frame(page: Page) {
  return page.evaluate(() => ({
    margin: getComputedStyle(document.body).margin,
    overflow: document.documentElement.scrollHeight - window.innerHeight,
    sideways: document.documentElement.scrollWidth - window.innerWidth,
  }));
}

describe.skipIf(!chromiumAvailable())('kiosk in Chromium: targets of 64 px and no frame', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** screen → targets under 64 px */
  const found: Record<string, string[]> = {};

  async function audit(screen: string) {
    found[screen] = await smallTargets(page);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has no body margin and no scroll on the attract screen, in both text sizes', async () => {
    await enrollLobbyKiosk(page, server, 'Anjungan 1');
    await waitForSync(page);
    await button(page, 'Sudah pesan antrean daring? Lapor hadir').waitFor();
    const normal = await frame(page);
    await button(page, 'Teks besar').click();
    await page.locator('.kiosk--large').waitFor();
    const large = await frame(page);
    await button(page, 'Teks besar').click();
    await page.locator('.kiosk--large').waitFor({ state: 'detached' });

    expect(normal).toEqual({ margin: '0px', overflow: 0, sideways: 0 });
    expect(large).toEqual({ margin: '0px', overflow: 0, sideways: 0 });
  });

  for (const [lang, large] of [
    ['id', false],
    ['id', true],
    ['en', false],
    ['en', true],
  ] as const) {
    const mode = `${lang}, ${large ? 'large text' : 'normal text'}`;
    const w = WORDS[lang];
    it(`walks every screen to a ticket with targets of 64 px (${mode})`, async () => {
      // Each walk from a fresh start of the enrolled kiosk, in the text size it is about.
      await page.goto(`${server.url}/kiosk`);
      const attract = button(page, 'Sentuh untuk mulai');
      await attract.waitFor();
      if ((await page.locator('.kiosk--large').count()) !== Number(large)) {
        await button(page, 'Teks besar').click();
      }
      await page
        .locator(large ? '.kiosk--large' : '.kiosk:not(.kiosk--large)')
        .first()
        .waitFor();
      await audit(`attract, ${mode}`);

      // The attract screen's dialogs (in the kiosk's language, whichever the session's).
      await button(page, 'Sudah pesan antrean daring? Lapor hadir').click();
      const checkIn = page.getByRole('dialog', { name: 'Lapor hadir pemesanan' });
      await checkIn.waitFor();
      await audit(`check-in dialog, ${mode}`);
      await checkIn.locator('.checkin-back').click();
      await checkIn.waitFor({ state: 'detached' });
      await button(page, 'Sudah dilayani? Isi survei kepuasan').click();
      const survey = page.getByRole('dialog', { name: 'Survei Kepuasan Masyarakat' });
      await survey.waitFor();
      await audit(`survey dialog, ${mode}`);
      await survey.locator('.checkin-back').click();
      await survey.waitFor({ state: 'detached' });

      await (lang === 'id' ? attract : button(page, 'English')).click();
      await page.getByRole('heading', { name: w.agencies }).waitFor();
      await audit(`agencies, ${mode}`);
      if (lang === 'id') {
        // The header bar meets the screen's edges: no white frame round it.
        const bar = await page.locator('header').first().boundingBox();
        await page.screenshot({
          path: join(ARTIFACTS, `no-frame-${large ? 'large' : 'id'}.png`),
        });
        expect(bar).toMatchObject({ x: 0, y: 0, width: 1080 });
      }
      await page.getByLabel(w.search).fill('paspor');
      await page.locator('main h2').first().waitFor();
      await audit(`search, ${mode}`);
      await page.getByLabel(w.search).fill('');
      await button(page, w.agency).click();
      await page.getByRole('heading', { name: w.services }).waitFor();
      await audit(`services, ${mode}`);
      await button(page, w.service).click();
      await page.getByRole('heading', { name: w.requirements, level: 2 }).waitFor();
      await audit(`service detail, ${mode}`);
      // The folded legal basis: its whole row is the target.
      const legal = page.locator('details.part');
      await legal.locator('summary').click();
      // Clear of the sticky action bar at the bottom.
      await legal.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await legal.screenshot({
        path: join(ARTIFACTS, `legal-basis-${lang}${large ? '-large' : ''}.png`),
      });
      expect(await legal.getAttribute('open')).toBe('');
      await button(page, w.check).click();
      await page.getByRole('heading', { name: w.question }).waitFor();
      await audit(`question, ${mode}`);
      await button(page, w.no).click();
      await page.getByRole('heading', { name: w.checklist }).waitFor();
      await audit(`checklist, ${mode}`);
      for (const one of await button(page, w.present).all()) await one.click();
      await button(page, w.next).click();
      await page.getByRole('heading', { name: w.priority }).waitFor();
      await audit(`priority, ${mode}`);
      await button(page, w.no).click();
      await button(page, w.take).waitFor();
      await audit(`confirm, ${mode}`);
      await button(page, w.take).click();
      await page.getByRole('heading', { name: w.ticket }).waitFor();
      await audit(`ticket, ${mode}`);
      await button(page, w.done).click();
      await attract.waitFor();

      const screens = Object.keys(found).filter((s) => s.endsWith(mode));
      expect(screens).toHaveLength(12);
      const small = Object.fromEntries(
        screens.map((s) => [s, found[s]]).filter(([, v]) => (v?.length ?? 0) > 0),
      );
      expect(small).toEqual({});
    });
  }

  it('has no body margin on the other surfaces either', async () => {
    const surfaces = ['/counter', '/display', '/mobile', '/admin', `/t/${crypto.randomUUID()}`];
    const margins: Record<string, string> = {};
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    for (const path of surfaces) {
      const one = await other.newPage();
      await one.goto(`${server.url}${path}`);
      await one.locator('#app > *').first().waitFor();
      await one.locator('h1').first().waitFor();
      margins[path.replace(/[0-9a-f-]{36}$/, ':id')] = await one.evaluate(
        () => getComputedStyle(document.body).margin,
      );
      await one.close();
    }
    await other.close();
    expect(margins).toEqual({
      '/counter': '0px',
      '/display': '0px',
      '/mobile': '0px',
      '/admin': '0px',
      '/t/:id': '0px',
    });
  });

  it('keeps the idle warning’s buttons at 64 px too', async () => {
    await page.goto(`${server.url}/kiosk`);
    await page.clock.install();
    await button(page, 'Sentuh untuk mulai').click();
    await button(page, 'Disdukcapil').waitFor();
    await page.clock.runFor(61_000);
    await page.getByRole('alertdialog', { name: 'Masih di sini?' }).waitFor();
    expect(await smallTargets(page)).toEqual([]);
  });
});
