/**
 * A whole MPP bergerak visit in real Chromium, on one tablet (1280×800): prepare online at
 * /mobile (leases for the day, staff verifiers, a test print), set the counter's first PIN;
 * then with no network at all serve 30 citizens across 3 services at /kiosk — the 31st is
 * refused by the visit's quota — reloading twice, every ticket printed through a fake
 * ESC/POS printer on Web Serial; the counter signs in offline and records outcomes; then
 * back online over an emulated slow link (400 kbit/s, 400 ms), everything drains by
 * itself, and the server's visit report shows exactly the counts the test kept.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigBundle } from '../../src/domain/config/schema';
import type { StaffSetupResponse } from '../../src/domain/staff';
import type { VisitReport } from '../../src/domain/visit-report';
import { chromiumAvailable, launchBrowser } from './support/browser';
import {
  button,
  instrument,
  markAllPresent,
  ticketNumber,
  waitForServiceWorker,
} from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { type RunningServer, startServer, writeConfigDir } from './support/server';

const PIN = '480915';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KTP = 'disdukcapil-ktp-el-cetak-ulang';
const KK = 'disdukcapil-kk';
const PAJAK = 'samsat-pajak-tahunan';
const QUOTA = 10;

async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
}

/** The sample site with a visit today carrying 3 services, and its unit printing ESC/POS on Web Serial. */
function visitSite(): ConfigBundle {
  const config = alwaysOpenSample();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: config.site.timeZone }).format(
    new Date(),
  );
  config.visits = [
    {
      id: 'hari-ini',
      date: today,
      team: 'tim-1',
      kelurahan: 'Sukamaju',
      place: 'Aula Kantor Kelurahan Sukamaju',
      hours: { from: '00:00', to: '23:59' },
      services: [KTP, KK, PAJAK].map((service) => ({ service, quota: QUOTA })),
    },
  ];
  config.profiles = config.profiles.map((p) =>
    p.surface === 'mobile'
      ? { ...p, printer: { kind: 'escpos', transport: 'serial', paperWidth: 58, autoPrint: true } }
      : p,
  );
  return config;
}

/**
 * A Web Serial printer that keeps every print's bytes: the count survives reloads
 * (localStorage), the bytes of the last one are in `__lastPrint`.
 */
async function fakeSerialPrinter(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const port = {
      open: async () => {},
      close: async () => {},
      get writable() {
        return new WritableStream<Uint8Array>({
          write(chunk) {
            const n = Number(localStorage.getItem('printed') ?? '0') + 1;
            localStorage.setItem('printed', String(n));
            (window as unknown as { __lastPrint: number[] }).__lastPrint = [...chunk];
          },
        });
      },
    };
    Object.defineProperty(navigator, 'serial', {
      value: { getPorts: async () => [port], requestPort: async () => port },
    });
  });
}

const printed = (page: Page) => page.evaluate(() => Number(localStorage.getItem('printed') ?? '0'));

/**
 * One citizen at the kiosk for `agency` → `service`: every question answered "Tidak", every
 * requirement present, no priority. The number, or null when the quota refused it.
 */
async function takeTicket(page: Page, agency: string, service: string): Promise<string | null> {
  await button(page, 'Sentuh untuk mulai').click();
  await button(page, agency).click();
  await button(page, service).click();
  // A service whose quota is spent says so on its page, with no way to queue.
  const check = button(page, 'Periksa Persyaratan');
  const spent = page.getByText('Kuota layanan hari ini telah habis').first();
  await check.or(spent).waitFor();
  if (await spent.isVisible()) return null;
  await check.click();
  for (let step = 0; step < 12; step++) {
    if (await page.getByRole('heading', { name: 'Nomor Antrean Anda' }).isVisible()) break;
    if (
      await page.getByRole('heading', { name: 'Kuota layanan hari ini telah habis' }).isVisible()
    ) {
      return null;
    }
    if (await button(page, 'Ambil Nomor Antrean').isVisible()) {
      await button(page, 'Ambil Nomor Antrean').click();
      // The ticket, or the quota's refusal, comes next.
      await page
        .getByRole('heading', { name: /^(Nomor Antrean Anda|Kuota layanan hari ini telah habis)$/ })
        .waitFor();
    } else if (await button(page, 'Ada').first().isVisible()) {
      await markAllPresent(page);
    } else if (await button(page, 'Tidak').isVisible()) {
      await button(page, 'Tidak').click();
    } else {
      await page.waitForTimeout(100);
    }
  }
  const number = await ticketNumber(page);
  await button(page, 'Selesai').click();
  await button(page, 'Sentuh untuk mulai').waitFor();
  return number;
}

describe.skipIf(!chromiumAvailable())('a whole MPP bergerak visit in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let setupCode = '';
  const kept = {
    issued: { [KTP]: 0, [KK]: 0, [PAJAK]: 0 },
    refused: 0,
    served: 0,
    received: 0,
    noShows: 0,
  };

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(visitSite()) });
    browser = await launchBrowser();
    const token = await server.adminToken();
    const created = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Sari Wulandari',
        role: 'petugas',
        agencies: ['disdukcapil', 'samsat'],
      }),
    });
    setupCode = ((await created.json()) as StaffSetupResponse).setupCode;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await instrument(context);
    await fakeSerialPrinter(context);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prepares online: leases, staff, a test print', async () => {
    await page.goto(`${server.url}/mobile`);
    await page.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
    await page.getByLabel('Nama perangkat').fill('Tablet tim 1');
    await page
      .getByLabel('Profil')
      .selectOption({ label: 'MPP bergerak (tablet dan printer 58 mm)' });
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByRole('heading', { name: 'Persiapan sebelum berangkat' }).waitFor();
    await waitForServiceWorker(page);

    await button(page, 'Siapkan perangkat').click();
    const checks = page.locator('.mobile-checks');
    await checks
      .getByText('Nomor antrean dan kuota setiap hari kunjungan ada di perangkat')
      .waitFor({ timeout: 30_000 });
    await checks.getByText(/petugas dapat masuk tanpa jaringan/).waitFor({ timeout: 30_000 });
    // The worker holds the shells of /kiosk, /counter and /mobile (the cache, not its word).
    await checks.getByText('Tersimpan: dapat dibuka tanpa jaringan').waitFor({ timeout: 30_000 });
    await button(page, 'Cetak uji').click();
    await button(page, 'Ya, jelas').click();
    await checks.getByText(/Diuji pukul/).waitFor();
    expect(await printed(page)).toBe(1);
    await axe(page, '/mobile prepared');

    // The counter's first PIN needs the server once.
    await page.goto(`${server.url}/counter`);
    await button(page, 'Masuk pertama kali').click();
    await page.getByLabel('Kode set-up').fill(setupCode);
    await page.getByLabel('PIN baru', { exact: true }).fill(PIN);
    await page.getByLabel('Ulangi PIN baru').fill(PIN);
    await button(page, 'Simpan PIN dan masuk').click();
    await page.getByLabel('Nomor loket').waitFor();
  }, 180_000);

  it('serves 30 citizens offline, refuses the 31st by quota, prints each, survives two reloads', async () => {
    await context.setOffline(true);
    await page.goto(`${server.url}/kiosk`);
    await button(page, 'Sentuh untuk mulai').waitFor();
    const plan: [string, string, string][] = [
      ['Disdukcapil', 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)', KTP],
      ['Disdukcapil', 'Penerbitan Kartu Keluarga (baru atau perubahan)', KK],
      ['Samsat', 'Pembayaran pajak kendaraan tahunan (pengesahan STNK)', PAJAK],
    ];
    for (const [round, [agency, service, id]] of plan.entries()) {
      for (let i = 0; i < QUOTA; i++) {
        const number = await takeTicket(page, agency, service);
        expect(number).not.toBeNull();
        kept.issued[id as keyof typeof kept.issued] += 1;
      }
      if (round < 2) {
        await page.reload();
        // At once: the first print after a start waits for the ESC/POS printer to be ready.
        await button(page, 'Sentuh untuk mulai').waitFor();
      }
    }
    const [ktpAgency, ktpService] = plan[0] ?? ['', ''];
    expect(await takeTicket(page, ktpAgency, ktpService)).toBeNull();
    kept.refused += 1;
    await axe(page, 'quota exhausted');
    await button(page, 'Beranda').click();
    expect(await printed(page)).toBe(1 + 30);
  }, 600_000);

  it('records outcomes at the counter offline, reached from the kiosk by the staff door', async () => {
    // The staff's way from the citizen's side, offline: the attract screen's staff door,
    // /mobile behind the PIN, then its counter.
    await page.reload();
    await page.getByRole('link', { name: 'Petugas' }).click();
    await button(page, 'Sari Wulandari').click();
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await button(page, 'Masuk').click();
    await page.getByRole('link', { name: 'Buka loket petugas' }).click();
    await button(page, 'Sari Wulandari').click();
    for (const digit of PIN) await button(page, digit).click();
    await button(page, 'Masuk').click();
    await page.getByLabel('Nomor loket').fill('1');
    await button(page, 'Buka loket').click();
    const serving = page.getByRole('region', { name: 'Sedang dilayani' });
    const callNext = () => page.getByRole('button', { name: /^Panggil berikutnya/ }).click();
    for (let i = 0; i < 2; i++) {
      await callNext();
      await page.getByRole('button', { name: /^Selesai/ }).click();
      kept.served += 1;
    }
    await callNext();
    await page.getByRole('button', { name: /^Tidak hadir/ }).click();
    kept.noShows += 1;
    await callNext();
    await page.getByRole('button', { name: /^Hasil lain/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kantor kelurahan').check();
    await dialog.getByRole('button', { name: 'Simpan hasil' }).click();
    kept.received += 1;
    await serving.getByText('Belum ada nomor yang dipanggil.').waitFor();
    // Four KTP tickets done with: the fifth waits first.
    await page
      .getByRole('region', { name: /^Menunggu/ })
      .getByText('A-005', { exact: true })
      .waitFor();
  }, 120_000);

  it('drains over a slow link by itself, and the server report shows the counts kept', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    });
    await context.setOffline(false);
    await page.goto(`${server.url}/mobile`);
    // The device holds staff verifiers now: the screen opens with a PIN.
    await button(page, 'Sari Wulandari').click();
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await button(page, 'Masuk').click();
    const token = await server.adminToken();
    const serverReport = async () => {
      const answer = await fetch(`${server.url}/api/v1/admin/visits/hari-ini/report`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return ((await answer.json()) as { report: VisitReport }).report;
    };
    // Nothing to press: the device's sync drains its log by itself.
    await expect
      .poll(async () => (await serverReport()).total.issued, { timeout: 180_000, interval: 1_000 })
      .toBe(30);
    await expect
      .poll(async () => (await serverReport()).total.open, { timeout: 60_000, interval: 1_000 })
      .toBe(30 - kept.served - kept.received - kept.noShows);
    await page.getByText('Semua kejadian sudah terkirim').waitFor({ timeout: 60_000 });
    const report = await serverReport();
    const row = (id: string) => report.rows.find((r) => r.serviceId === id);
    expect(report.rows.map((r) => [r.serviceId, r.issued, r.quota])).toEqual([
      [KTP, kept.issued[KTP], QUOTA],
      [KK, kept.issued[KK], QUOTA],
      [PAJAK, kept.issued[PAJAK], QUOTA],
    ]);
    // The counter called in issue order: every outcome is a KTP ticket's.
    expect(row(KTP)).toMatchObject({
      served: kept.served,
      received: kept.received,
      noShows: kept.noShows,
      open: QUOTA - kept.served - kept.received - kept.noShows,
    });
    expect(report.total.issued).toBe(30);
    await button(page, 'Laporan kunjungan').click();
    await page.getByRole('heading', { name: 'Laporan Sukamaju' }).waitFor();
    await axe(page, '/mobile with the report');
  }, 240_000);
});
