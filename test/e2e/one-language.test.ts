/**
 * One language at a time, in Chromium: a ticket's phone page speaks the ticket's language
 * (not the phone's) with a switch to the other; the kiosk's screens, in Indonesian and in
 * English, normal and large text, show no text of the other language but on the switch,
 * an English ticket names its place in English, and the staff's sync badge covers no
 * button. Screenshots in test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigBundle, Language } from '../../src/domain/config/schema';
import type { KioskEvent } from '../../src/domain/events';
import { businessDayOf } from '../../src/domain/time';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button, enrollLobbyKiosk, waitForSync } from './support/kiosk-page';
import { badgeOverlaps, otherLanguageShown, textsOnlyIn } from './support/one-language';
import { alwaysOpenSample } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from './support/sync-http';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const PHONE = { width: 360, height: 800 };
const KIOSK = { width: 1080, height: 1920 };

/** The words of one walk to a ticket, in one language. */
type Walk = {
  lang: Language;
  start: string;
  agency: string;
  service: string;
  check: string;
  /** The question's answer, when the service asks one. */
  answer?: string;
  present: string;
  next: string;
  noPriority: string;
  take: string;
  title: string;
};

const EN_FASKES: Walk = {
  lang: 'en',
  start: 'English',
  agency: 'Health insurance (BPJS Kesehatan)',
  service: 'Change of first-level clinic (faskes)',
  check: 'Check Requirements',
  present: 'I have it',
  next: 'Continue',
  noPriority: 'No',
  take: 'Take a Queue Number',
  title: 'Your Queue Number',
};
const ID_KTP: Walk = {
  lang: 'id',
  start: 'Bahasa Indonesia',
  agency: 'Disdukcapil',
  service: 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)',
  check: 'Periksa Persyaratan',
  answer: 'Tidak',
  present: 'Ada',
  next: 'Lanjut',
  noPriority: 'Tidak',
  take: 'Ambil Nomor Antrean',
  title: 'Nomor Antrean Anda',
};
const EN_KTP: Walk = {
  ...EN_FASKES,
  agency: 'Civil registry (Disdukcapil)',
  service: 'KTP-el reprint (damaged, lost or changed data)',
  answer: 'No',
};
const ID_FASKES: Walk = {
  ...ID_KTP,
  agency: 'BPJS Kesehatan',
  service: 'Pindah faskes tingkat pertama',
  answer: undefined,
};

describe.skipIf(!chromiumAvailable())('one language at a time', () => {
  let server: RunningServer;
  let browser: Browser;
  let config: ConfigBundle;
  let kiosk: Page;
  const today = businessDayOf(Date.now(), 'Asia/Jakarta');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    config = alwaysOpenSample();
    server = await startServer({ configDir: writeConfigDir(config) });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: KIOSK });
    kiosk = await context.newPage();
    await enrollLobbyKiosk(kiosk, server, 'Anjungan 1');
    await waitForSync(kiosk);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Two tickets on the server: one taken in Indonesian, one in English. */
  const pushTickets = async () => {
    const device = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Anjungan 2');
    const [id, en] = eventsOf(device, 2, today) as [KioskEvent, KioskEvent];
    const english = { ...en, data: { ...en.data, language: 'en' } } as KioskEvent;
    const answer = await pushOverHttp(server.url, device, [id, english]);
    expect(answer.status).toBe(200);
    return { id: id.id, en: english.id };
  };

  /** A phone preferring English (en-US), 360×800. */
  const englishPhone = async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
    return context.newPage();
  };

  it('shows an Indonesian ticket in Indonesian on an English phone, English on the switch', async () => {
    const tickets = await pushTickets();
    const phone = await englishPhone();
    expect(await phone.evaluate(() => navigator.language)).toBe('en-US');

    await phone.goto(`${server.url}/t/${tickets.id}`);
    await phone.getByRole('heading', { name: 'Status Tiket' }).waitFor();
    await phone.getByText('Menunggu panggilan').waitFor();
    const mixedId = await otherLanguageShown(phone, 'id', textsOnlyIn('en', config));
    await phone.screenshot({ path: join(ARTIFACTS, 'lang-phone-id.png') });
    await button(phone, 'English').click();
    await phone.getByRole('heading', { name: 'Ticket Status' }).waitFor();
    await phone.getByText('Waiting to be called').waitFor();
    const mixedEn = await otherLanguageShown(phone, 'en', textsOnlyIn('id', config));
    const htmlLang = await phone.evaluate(() => document.documentElement.lang);
    await phone.screenshot({ path: join(ARTIFACTS, 'lang-phone-en.png') });
    await button(phone, 'Bahasa Indonesia').click();
    await phone.getByRole('heading', { name: 'Status Tiket' }).waitFor();

    expect(mixedId).toEqual([]);
    expect(mixedEn).toEqual([]);
    expect(htmlLang).toBe('en');
    await phone.context().close();
  });

  it('shows an English ticket in English, and the link’s language before the server knows it', async () => {
    const tickets = await pushTickets();
    const phone = await englishPhone();
    await phone.goto(`${server.url}/t/${tickets.en}`);
    await phone.getByRole('heading', { name: 'Ticket Status' }).waitFor();
    await phone.getByText('Waiting to be called').waitFor();
    await phone.getByText('Civil registry (Disdukcapil)').waitFor();
    const mixed = await otherLanguageShown(phone, 'en', textsOnlyIn('id', config));
    const unknown = '0190f5e0-0000-7000-8000-0000000000ff';
    await phone.goto(`${server.url}/t/${unknown}#n=A-001&s=x&d=${today}&l=en`);
    await phone.getByText('This ticket is not on the server yet', { exact: false }).waitFor();
    const another = '0190f5e0-0000-7000-8000-0000000000fe';
    await phone.goto(`${server.url}/t/${another}#n=A-002&s=x&d=${today}`);
    await phone.getByText('Tiket belum tercatat di server', { exact: false }).waitFor();

    expect(mixed).toEqual([]);
    await phone.context().close();
  });

  it('opens a missing-documents list in the kiosk’s language, not the phone’s, with a switch', async () => {
    const phone = await englishPhone();
    const list = `${server.url}/s/disdukcapil-ktp-el-cetak-ulang?kurang=kk`;
    await phone.goto(list);
    await phone.getByRole('heading', { name: 'Yang belum Anda miliki' }).waitFor();
    const mixedId = await otherLanguageShown(phone, 'id', textsOnlyIn('en', config));
    await phone.goto(`${list}&l=en`);
    await phone.getByRole('heading', { name: "What you don't have yet" }).waitFor();
    await phone.getByText('Original family card (KK)').first().waitFor();
    const mixedEn = await otherLanguageShown(phone, 'en', textsOnlyIn('id', config));
    await button(phone, 'Bahasa Indonesia').click();
    await phone.getByRole('heading', { name: 'Yang belum Anda miliki' }).waitFor();

    expect(mixedId).toEqual([]);
    expect(mixedEn).toEqual([]);
    await phone.context().close();
  });

  /**
   * Walks `walk` to a ticket, checking on every screen that nothing of the other language
   * shows and that the badge covers no control; returns what each screen broke.
   */
  const walkToTicket = async (walk: Walk, large: boolean, shot?: { at: string; file: string }) => {
    const found: Record<string, string[]> = {};
    /** `lang`: the attract screen speaks the kiosk's language, the rest the citizen's. */
    const check = async (screen: string, lang: Language = walk.lang) => {
      await kiosk.waitForTimeout(150);
      const other = textsOnlyIn(lang === 'id' ? 'en' : 'id', config);
      const broken = [
        ...(await otherLanguageShown(kiosk, lang, other)).map((t) => `mixed: ${t}`),
        ...(await badgeOverlaps(kiosk)).map((c) => `covered: ${c}`),
      ];
      if (broken.length > 0) found[screen] = broken;
      if (shot?.at === screen) {
        await kiosk.screenshot({ path: join(ARTIFACTS, shot.file) });
        // The bottom edge at full size: the actions' buttons above the badge's strip.
        const clip = { x: 0, y: KIOSK.height - 200, width: KIOSK.width, height: 200 };
        await kiosk.screenshot({
          path: join(ARTIFACTS, shot.file.replace('.png', '-edge.png')),
          clip,
        });
      }
    };
    if (large) await button(kiosk, 'Teks besar').click();
    await check('attract', 'id');
    await button(kiosk, walk.start).click();
    await button(kiosk, walk.agency).waitFor();
    await check('agencies');
    await button(kiosk, walk.agency).click();
    await button(kiosk, walk.service).waitFor();
    await check('services');
    await button(kiosk, walk.service).click();
    await button(kiosk, walk.check).waitFor();
    await check('service detail');
    await button(kiosk, walk.check).click();
    if (walk.answer) {
      await button(kiosk, walk.answer).waitFor();
      await check('question');
      await button(kiosk, walk.answer).click();
    }
    await button(kiosk, walk.present).first().waitFor();
    await check('checklist');
    for (const one of await button(kiosk, walk.present).all()) await one.click();
    await button(kiosk, walk.next).click();
    await button(kiosk, walk.noPriority).waitFor();
    await check('priority');
    await button(kiosk, walk.noPriority).click();
    await button(kiosk, walk.take).waitFor();
    await check('confirm');
    await button(kiosk, walk.take).click();
    await kiosk.getByRole('heading', { name: walk.title }).waitFor();
    await check('ticket');
    return found;
  };

  /** Back to the attract screen in normal text, whatever the walk before left. */
  const reset = async () => {
    await kiosk.goto(`${server.url}/kiosk`);
    await button(kiosk, 'Sentuh untuk mulai').waitFor();
    await waitForSync(kiosk);
  };

  it('an English kiosk ticket names its place in English; no screen mixes languages', async () => {
    await reset();
    const broken = await walkToTicket(EN_FASKES, false);
    const where = await kiosk.locator('.ticket-where').textContent();
    await kiosk.screenshot({ path: join(ARTIFACTS, 'lang-kiosk-ticket-en.png') });

    expect(broken).toEqual({});
    expect(where).toBe('Health insurance (BPJS Kesehatan) – Zone D, 2nd floor');
  }, 90_000);

  it('in Indonesian, normal text, with a question: no screen mixes languages', async () => {
    await reset();
    const broken = await walkToTicket(ID_KTP, false);
    expect(broken).toEqual({});
  }, 90_000);

  it('in large text, in either language, the badge covers no button', async () => {
    await reset();
    const english = await walkToTicket(EN_KTP, true, {
      at: 'service detail',
      file: 'lang-badge-large-en.png',
    });
    await reset();
    const indonesian = await walkToTicket(ID_FASKES, true, {
      at: 'service detail',
      file: 'lang-badge-large-id.png',
    });

    expect(english).toEqual({});
    expect(indonesian).toEqual({});
  }, 120_000);

  it('a rarer screen, the missing documents, in English: nothing Indonesian', async () => {
    await reset();
    await button(kiosk, 'English').click();
    await button(kiosk, EN_FASKES.agency).click();
    await button(kiosk, EN_FASKES.service).click();
    await button(kiosk, EN_FASKES.check).click();
    await button(kiosk, EN_FASKES.present).first().waitFor();
    for (const one of await button(kiosk, EN_FASKES.present).all()) await one.click();
    await button(kiosk, 'Not yet').first().click();
    await button(kiosk, EN_FASKES.next).click();
    await kiosk
      .getByRole('heading', { name: 'Your required documents are not complete' })
      .waitFor();
    await kiosk.waitForTimeout(150);
    const mixed = await otherLanguageShown(kiosk, 'en', textsOnlyIn('id', config));
    const covered = await badgeOverlaps(kiosk);

    expect(mixed).toEqual([]);
    expect(covered).toEqual([]);
  }, 60_000);

  it('the board speaks its profile’s language alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await context.newPage();
    await board.goto(`${server.url}/display`);
    await board.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
    await board.getByLabel('Nama perangkat').fill('Papan 1');
    await board.getByLabel('Profil').selectOption({ label: 'Papan antrean lobi (TV)' });
    await board.getByRole('button', { name: 'Daftarkan' }).click();
    await board.getByRole('heading', { name: 'Berikutnya' }).waitFor();
    // The tickets of the walks above wait: the board names their agencies.
    await board.locator('.board-next li').first().waitFor();
    const boardWords = [
      'Now calling',
      'Last calls',
      'Queue board',
      'No calls yet',
      'Turn on sound',
    ];
    const mixed = await otherLanguageShown(board, 'id', [
      ...textsOnlyIn('en', config),
      ...boardWords,
    ]);
    await board.screenshot({ path: join(ARTIFACTS, 'lang-board-id.png') });

    expect(mixed).toEqual([]);
    await context.close();
  }, 60_000);
});
