/**
 * "Bantuan suara" in real Chromium, its speech captured at the boundary (a fake
 * speechSynthesis, ./support/fake-speech.ts): offered only with a local voice, started by
 * its key or its button, every screen spoken in the chosen language — the heading, what
 * the screen asks, the item that has the focus — driven by the keypad or the large
 * on-screen controls, and ending with the ticket's number as the board will call it.
 * Screenshots of the door and the controls in test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceNumber } from '../../src/domain/announce';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  cancels,
  fakeSpeech,
  LOCAL_VOICES,
  REMOTE_VOICES,
  spoken,
  type Utterance,
} from './support/fake-speech';
import { enrollLobbyKiosk, instrument, touchAndTextSizes } from './support/kiosk-page';
import { alwaysOpenSample, BIG_SITE } from './support/sample-config';
import { ROOT, type RunningServer, startServer, writeConfigDir } from './support/server';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const KTP_ID = 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)';
const KTP_EN = 'KTP-el reprint (damaged, lost or changed data)';

const texts = (said: Utterance[]) => said.map((u) => u.text);

/** Axe (WCAG 2.2 AA) and the kiosk's 64 px targets on what is shown now. */
async function checkScreen(page: Page, screen: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
  expect((await touchAndTextSizes(page)).small, `${screen}: targets under 64 px`).toEqual([]);
}
const last = async (page: Page) => (await spoken(page)).at(-1)?.text ?? '';

/** What was said from utterance `from` on, once `until` has been said. */
async function saidSince(page: Page, from: number, until: string | RegExp): Promise<string[]> {
  const match = (text: string) => (typeof until === 'string' ? text === until : until.test(text));
  await expect
    .poll(async () => texts((await spoken(page)).slice(from)).some(match), {
      message: `waiting for “${until}”; heard: ${texts((await spoken(page)).slice(from)).join(' | ')}`,
    })
    .toBe(true);
  return texts((await spoken(page)).slice(from));
}

/** Steps with `step` (a key or a control) until the item said last matches `item`. */
async function walkTo(page: Page, step: () => Promise<void>, item: string | RegExp, max = 120) {
  const match = (text: string) => (typeof item === 'string' ? text === item : item.test(text));
  for (let i = 0; i < max; i++) {
    await step();
    if (match(await last(page))) return;
  }
  throw new Error(
    `never heard “${item}”; heard: ${texts((await spoken(page)).slice(-40)).join(' | ')}`,
  );
}

async function newKiosk(browser: Browser, server: RunningServer, voices: typeof LOCAL_VOICES) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await instrument(context);
  await fakeSpeech(context, voices);
  const page = await context.newPage();
  await enrollLobbyKiosk(page, server, 'Anjungan suara');
  return { context, page };
}

describe.skipIf(!chromiumAvailable())('kiosk voice guidance ("Bantuan suara")', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const bundle = alwaysOpenSample();
    // A kiosk that greets in English, for its attract screen.
    const lobby = bundle.profiles.find((p) => p.id === 'lobi-utama');
    if (!lobby) throw new Error('the sample has no lobi-utama profile');
    const english = {
      ...lobby,
      id: 'lobi-en',
      name: 'Anjungan lobi (English)',
      language: 'en' as const,
    };
    server = await startServer({
      configDir: writeConfigDir({ ...bundle, profiles: [...bundle.profiles, english] }),
    });
    browser = await launchBrowser();
    ({ page } = await newKiosk(browser, server, LOCAL_VOICES));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('speaks every screen in Indonesian, by the keypad, to the ticket as the board calls it', async () => {
    await page.goto(`${server.url}/kiosk`);
    const door = page.getByRole('button', { name: 'Bantuan suara' });
    await door.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Voice guidance' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-speech-attract-id.png') });
    await checkScreen(page, 'attract with its voice door');

    // The hardware key: * on the numeric keypad.
    await page.keyboard.press('NumpadMultiply');
    await page.getByRole('heading', { name: 'Pilih Instansi' }).waitFor();
    expect(await door.count()).toBe(0);
    let said = await saidSince(page, 0, /^Ada \d+ pilihan\./);
    expect(said.slice(0, 2)).toEqual([
      'Bantuan suara aktif.',
      expect.stringMatching(/^Tombol 2: berikutnya\./),
    ]);
    expect(said.slice(2)).toEqual(['Pilih Instansi', expect.stringMatching(/^Ada \d+ pilihan\./)]);
    expect((await spoken(page))[0]).toMatchObject({
      lang: 'id-ID',
      voice: 'Indonesian (espeak-ng)',
    });
    await page.getByRole('navigation', { name: 'Kontrol bantuan suara' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-speech-controls-id.png') });
    await checkScreen(page, 'agencies with the voice controls');

    const next = () => page.keyboard.press('Numpad2');
    const choose = () => page.keyboard.press('Numpad5');
    await walkTo(page, next, /^Disdukcapil, tombol, Dinas Kependudukan/);
    let from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, /^Ada \d+ layanan\./);
    expect(said).toEqual([
      'Dinas Kependudukan dan Pencatatan Sipil Kota Contoh',
      'Pilih Layanan',
      expect.stringMatching(/^Ada \d+ layanan\./),
    ]);
    // Back (4) and forth: the agencies again, then the services.
    from = (await spoken(page)).length;
    await page.keyboard.press('Numpad4');
    await saidSince(page, from, 'Pilih Instansi');
    await walkTo(page, next, /^Disdukcapil, tombol/);
    await choose();
    await page.getByRole('heading', { name: 'Pilih Layanan' }).waitFor();

    await walkTo(page, next, new RegExp(`^${KTP_ID.replace(/[()]/g, '\\$&')}, tombol`));
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, /^Tekan 2 untuk mendengar persyaratan/);
    expect(said).toContain(KTP_ID);
    expect(said.at(-1)).toBe(
      'Tekan 2 untuk mendengar persyaratan dan standar pelayanannya, lalu pilih Periksa Persyaratan.',
    );
    // The standard is read item by item: its parts' headings come on the way.
    await walkTo(page, next, 'Alur Pelayanan');
    await walkTo(page, next, 'Periksa Persyaratan, tombol', 400);
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, 'Jawab Ya atau Tidak.');
    expect(said.slice(-2)).toEqual(['Apakah KTP-el Anda hilang?', 'Jawab Ya atau Tidak.']);
    await walkTo(page, next, 'Tidak, tombol');
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, 'Untuk setiap dokumen, pilih Ada atau Belum ada.');
    expect(said.slice(-3)).toEqual([
      'Apakah Anda membawa dokumen berikut?',
      'Untuk setiap dokumen, pilih Ada atau Belum ada.',
      expect.stringMatching(/^0 dari \d+ sudah dijawab$/),
    ]);

    // Each requirement: its name, then Ada; choosing it says its new state.
    for (let i = 0; i < 200; i++) {
      await next();
      const item = await last(page);
      if (item === 'Lanjut, tombol') break;
      if (item === 'Ada, tombol') {
        await choose();
        await expect.poll(() => last(page)).toBe('Ada, tombol, dipilih');
      }
    }
    expect(await last(page)).toBe('Lanjut, tombol');
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, 'Ada 5 pilihan.');
    expect(said).toEqual(
      [
        'Apakah Anda termasuk kelompok prioritas?',
        'Prioritas akan diverifikasi petugas',
        'Ada 5 pilihan.',
      ].filter((t) => said.includes(t)),
    );
    await walkTo(page, next, 'Tidak, tombol');
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, 'Pilih Ambil Nomor Antrean bila sudah benar.');
    expect(said).toEqual([
      'Periksa kembali pilihan Anda',
      expect.stringMatching(/^Instansi: Dinas Kependudukan/),
      `Layanan: ${KTP_ID}`,
      'Prioritas: Tidak',
      'Pilih Ambil Nomor Antrean bila sudah benar.',
    ]);
    await walkTo(page, next, 'Ambil Nomor Antrean, tombol');
    from = (await spoken(page)).length;
    await choose();

    await page.getByRole('heading', { name: 'Nomor Antrean Anda' }).waitFor();
    const number = (await page.locator('.ticket-number').textContent()) ?? '';
    const call = announceNumber(number).text;
    said = await saidSince(page, from, call);
    const ticket = (await spoken(page)).slice(from);
    expect(said[0]).toBe('Nomor Antrean Anda');
    expect(said[1]).toBe(`Nomor Anda: ${call.replace(/^Nomor antrean, /, '').replace(/\.$/, '')}.`);
    expect(said).toContain(KTP_ID);
    expect(said).toContain('Disdukcapil, Zona A, lantai 1');
    expect(said.some((t) => /antrean/i.test(t) && /\d/.test(t))).toBe(true); // the people ahead
    expect(said.slice(-2)).toEqual(['Di layar panggilan, nomor ini dipanggil:', call]);
    expect(ticket.at(-1)).toMatchObject({ text: call, lang: 'id-ID' });

    // Repeat (0), slower (−), stop (.).
    from = (await spoken(page)).length;
    await page.keyboard.press('Numpad0');
    await expect.poll(async () => texts((await spoken(page)).slice(from))).toEqual(said);
    from = (await spoken(page)).length;
    await page.keyboard.press('NumpadSubtract');
    await expect.poll(async () => (await spoken(page)).slice(from).at(-1)?.text).toBe(call);
    const slower = (await spoken(page)).slice(from);
    expect(slower[0]?.text).toBe('Lebih lambat.');
    expect(slower.at(-1)?.rate).toBeLessThan(ticket.at(-1)?.rate ?? 0);
    const cut = await cancels(page);
    await page.keyboard.press('NumpadDecimal');
    await expect.poll(() => cancels(page)).toBe(cut + 1);

    // Selesai ends the session, and the guidance with it.
    await walkTo(page, next, 'Selesai, tombol');
    from = (await spoken(page)).length;
    await choose();
    await saidSince(page, from, 'Bantuan suara selesai.');
    await door.waitFor();
    expect(await page.locator('.speech-controls').count()).toBe(0);
    expect(await page.evaluate(() => 'speech' in document.documentElement.dataset)).toBe(false);
  });

  it('speaks in English from its button, driven by the on-screen controls', async () => {
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: 'Voice guidance' }).click();
    await page.getByRole('heading', { name: 'Choose an Agency' }).waitFor();
    let from = 0;
    let said = await saidSince(page, from, /^There are \d+ choices\./);
    expect(said.slice(0, 4)).toEqual([
      'Voice guidance is on.',
      expect.stringMatching(/^Key 2: next\./),
      'Choose an Agency',
      expect.stringMatching(/^There are \d+ choices\./),
    ]);
    expect((await spoken(page)).at(-1)).toMatchObject({ lang: 'en-US' });
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-speech-controls-en.png') });

    const control = (name: string) => () => page.getByRole('button', { name, exact: true }).click();
    const next = control('Next');
    const choose = control('Choose');
    await walkTo(page, next, /^Civil registry \(Disdukcapil\), button/);
    await choose();
    await page.getByRole('heading', { name: 'Choose a Service' }).waitFor();
    await walkTo(page, next, new RegExp(`^${KTP_EN.replace(/[()]/g, '\\$&')}, button`));
    await choose();
    await walkTo(page, next, 'Check Requirements, button', 400);
    from = (await spoken(page)).length;
    await choose();
    said = await saidSince(page, from, 'Answer Yes or No.');
    expect(said.slice(-2)).toEqual(['Has your KTP-el been lost?', 'Answer Yes or No.']);
    // Previous, from the heading, goes round to the end of the screen and back.
    await control('Previous')();
    await walkTo(page, next, 'No, button');
    await choose();
    await page.getByRole('heading', { name: 'Do you have these documents with you?' }).waitFor();
    for (let i = 0; i < 200; i++) {
      await next();
      const item = await last(page);
      if (item === 'Continue, button') break;
      if (item === 'I have it, button') {
        await choose();
        await expect.poll(() => last(page)).toBe('I have it, button, selected');
      }
    }
    await choose();
    await page.getByRole('heading', { name: 'Do you belong to a priority group?' }).waitFor();
    await walkTo(page, next, 'No, button');
    await choose();
    await page.getByRole('heading', { name: 'Check your choice' }).waitFor();
    await walkTo(page, next, 'Take a Queue Number, button');
    from = (await spoken(page)).length;
    await choose();

    await page.getByRole('heading', { name: 'Your Queue Number' }).waitFor();
    const number = (await page.locator('.ticket-number').textContent()) ?? '';
    const call = announceNumber(number).text;
    said = await saidSince(page, from, call);
    const [prefix, digits] = number.split('-');
    expect(said[0]).toBe('Your Queue Number');
    expect(said[1]).toBe(`Your number is ${prefix} ${Number(digits)}.`);
    expect(said).toContain(KTP_EN);
    expect(said.slice(-2)).toEqual(['On the calling screen, it is called:', call]);
    const ticket = (await spoken(page)).slice(from);
    expect(ticket.at(-2)).toMatchObject({ lang: 'en-US' });
    expect(ticket.at(-1)).toMatchObject({ text: call, lang: 'id-ID' });

    // Large text: the controls grow with the screen.
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.locator('.speech-controls.kiosk--large').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-speech-controls-large.png') });
    await checkScreen(page, 'ticket with the voice controls, large text');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await saidSince(page, from, 'Voice guidance has ended.');
    await page.getByRole('button', { name: 'Bantuan suara' }).waitFor();
    await page.getByRole('button', { name: 'Teks besar' }).click();
    await page.locator('.kiosk--large .attract').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-speech-attract-large.png') });
  });

  it("offers the kiosk's own language first, on a kiosk that greets in English", async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await instrument(context);
    await fakeSpeech(context, LOCAL_VOICES);
    const p = await context.newPage();
    await p.goto(`${server.url}/kiosk`);
    await p.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
    await p.getByLabel('Nama perangkat').fill('Anjungan English');
    await p.getByLabel('Profil').selectOption({ label: 'Anjungan lobi (English)' });
    await p.getByRole('button', { name: 'Daftarkan' }).click();
    await p.getByRole('button', { name: 'Touch to start' }).waitFor();
    await p.getByRole('button', { name: 'Voice guidance' }).waitFor({ timeout: 20_000 });
    const doors = await p.locator('.attract-voice-door').allTextContents();
    expect(doors).toEqual(['Voice guidance', 'Bantuan suara']);
    await p.screenshot({ path: join(ARTIFACTS, 'a11y-speech-attract-en.png') });
    // Its key starts the guidance in the kiosk's language.
    await p.keyboard.press('NumpadMultiply');
    await p.getByRole('heading', { name: 'Choose an Agency' }).waitFor();
    await saidSince(p, 0, /^There are \d+ choices\./);
    expect((await spoken(p))[0]).toMatchObject({ text: 'Voice guidance is on.', lang: 'en-US' });
    await context.close();
  });

  it('offers nothing, by button or key, when no voice is local', async () => {
    const remote = await newKiosk(browser, server, REMOTE_VOICES);
    const p = remote.page;
    await p.goto(`${server.url}/kiosk`);
    // The idle duties have run (the check-in door is there) and the voices were listed.
    await p.getByRole('button', { name: 'Sudah pesan antrean daring? Lapor hadir' }).waitFor({
      timeout: 20_000,
    });
    await p.waitForTimeout(500);
    expect(await p.evaluate(() => speechSynthesis.getVoices().length)).toBe(2);
    expect(await p.getByRole('button', { name: 'Bantuan suara' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Voice guidance' }).count()).toBe(0);
    await p.keyboard.press('NumpadMultiply');
    await p.waitForTimeout(500);
    expect(await p.getByRole('heading', { name: /^Selamat datang di / }).count()).toBe(1);
    expect(await spoken(p)).toEqual([]);
    await remote.context.close();
  });
});

describe.skipIf(!chromiumAvailable())('voice guidance on the big sample site', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample(BIG_SITE)) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('speaks the agency groups, an open group and its agency on the way to the services', async () => {
    const { context, page } = await newKiosk(browser, server, LOCAL_VOICES);
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: 'Bantuan suara' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('NumpadMultiply');
    await page.getByRole('heading', { name: 'Pilih Instansi' }).waitFor();
    // Its choices: the 4 main services and the 8 groups (not the 28 agencies inside them).
    const heard = await saidSince(page, 0, /^Ada \d+ pilihan\./);
    expect(heard.slice(2, 4)).toEqual([
      'Pilih Instansi',
      'Ada 12 pilihan. Tekan 2 untuk mendengar berikutnya, 5 untuk memilih.',
    ]);

    const next = () => page.keyboard.press('Numpad2');
    const choose = () => page.keyboard.press('Numpad5');
    await walkTo(page, next, /^Kependudukan dan Keimigrasian, tombol/);
    let from = (await spoken(page)).length;
    await choose();
    // The open group's heading has the focus: its name is what is said.
    const said = await saidSince(page, from, /^Kependudukan dan Keimigrasian/);
    expect(said.join(' ')).not.toContain('Pilih Layanan');
    await walkTo(page, next, /^Disdukcapil, tombol/);
    from = (await spoken(page)).length;
    await choose();
    await saidSince(page, from, 'Pilih Layanan');
    await page.getByRole('heading', { name: 'Pilih Layanan' }).waitFor();
    await context.close();
  });
});
