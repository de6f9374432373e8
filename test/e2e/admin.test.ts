/**
 * The admin screens in real Chromium (1280×800): a new site's first admin from the
 * bootstrap code; a kiosk enrolled from the code and its QR's address (the code filled in
 * from it), then revoked; staff added with set-up codes, one locked; a supervisor's first
 * sign-in, who reads and cannot change; the audit log; axe on every screen.
 */
import { AxeBuilder } from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './support/browser';
import { button } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { bootstrapCodeIn, type RunningServer, startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from './support/sync-http';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ADMIN_PIN = '730461';
const SUPERVISOR_PIN = '592806';

async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id}`)).toEqual([]);
}

describe.skipIf(!chromiumAvailable())('the admin screens in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let supervisorCode = '';

  beforeAll(async () => {
    server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("makes a new site's first admin from the server's bootstrap code", async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { name: 'Masuk admin' }).waitFor();
    await axe(page, 'sign-in');

    await button(page, 'Situs baru: admin pertama').click();
    await page.getByLabel('Kode bootstrap').fill(bootstrapCodeIn(server.dataDir) ?? '');
    await page.getByLabel('Nama').fill('Dewi Lestari');
    await page.getByLabel('PIN baru', { exact: true }).fill(ADMIN_PIN);
    await page.getByLabel('Ulangi PIN baru').fill(ADMIN_PIN);
    await button(page, 'Jadikan saya admin').click();

    await page.getByRole('heading', { name: 'Perangkat', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Dewi Lestari (admin)').isVisible()).toBe(true);
    await axe(page, 'devices');
  }, 60_000);

  it('enrolls a kiosk from the code and its address, lists it, and revokes it', async () => {
    await page.getByLabel('Catatan (mis. “Anjungan lobi 2”)').fill('Anjungan lobi 2');
    await page.getByLabel('Buka di perangkat sebagai').selectOption({ label: 'Anjungan warga' });
    await button(page, 'Buat kode pendaftaran').click();
    const code = (await page.locator('.admin-code-value').textContent()) ?? '';
    const address = (await page.locator('.admin-code code').textContent()) ?? '';
    // The QR code reads back as the address, as a device's camera would read it.
    const qr = page.getByRole('img', { name: /^Kode pendaftaran: / });
    const pixels = await qr.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 320;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.imageSmoothingEnabled = false;
      g.drawImage(img, 0, 0, 320, 320);
      return [...g.getImageData(0, 0, 320, 320).data];
    });
    expect(jsQR(Uint8ClampedArray.from(pixels), 320, 320)?.data).toBe(address);
    await axe(page, 'enrollment code');

    // The new device opens the address: the code is there already.
    const kiosk = await page.context().browser()?.newPage();
    if (!kiosk) throw new Error('no second page');
    await kiosk.goto(address);
    await expect.poll(() => kiosk.getByLabel('Kode pendaftaran').inputValue()).toBe(code);
    await kiosk.getByLabel('Nama perangkat').fill('Anjungan lobi 2');
    await kiosk.getByLabel('Profil').selectOption({ label: 'Anjungan lobi utama (printer 80 mm)' });
    await kiosk.getByRole('button', { name: 'Daftarkan' }).click();
    await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).waitFor();

    // After its first sync the kiosk says how it stands: the list shows it.
    await button(page, 'Tutup').click();
    const row = page.getByRole('row', { name: /Anjungan lobi 2/ });
    await expect
      .poll(
        async () => {
          await page.getByRole('link', { name: 'Petugas' }).click();
          await page.getByRole('link', { name: 'Perangkat' }).click();
          await row.waitFor();
          return row.textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toMatch(/Aplikasi 0\.1\.0\+.*Semua kejadian terkirim.*Penyimpanan/);
    await kiosk.close();
    await row.getByText('Aktif').waitFor();
    await button(page, 'Cabut Anjungan lobi 2').click();
    await page.getByRole('alertdialog').waitFor();
    await axe(page, 'revoke question');
    await button(page, 'Ya, cabut').click();
    await row.getByText(/^Dicabut /).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
  }, 90_000);

  it('adds staff with set-up codes and locks one', async () => {
    await page.getByRole('link', { name: 'Petugas' }).click();
    const add = async (name: string, role: string, agency: string) => {
      await page.getByLabel('Nama').fill(name);
      await page.getByLabel('Peran').selectOption({ label: role });
      await page.getByRole('checkbox', { name: agency }).check();
      await button(page, 'Simpan').click();
      await page.getByRole('heading', { name: `Kode set-up untuk ${name}` }).waitFor();
      const code = (await page.locator('.admin-code-value').textContent()) ?? '';
      await button(page, 'Tutup').click();
      return code;
    };
    await add('Budi Santoso', 'petugas loket', 'Disdukcapil');
    supervisorCode = await add('Rina Wati', 'supervisor', 'Disdukcapil');
    await axe(page, 'staff');

    await button(page, 'Kunci: Budi Santoso').click();
    await page
      .getByRole('row', { name: /Budi Santoso/ })
      .getByText('Dikunci')
      .waitFor();
    expect(supervisorCode).toMatch(/\S{4,}/);
  }, 60_000);

  it('plans an MPP bergerak visit, refused first for a past day, and opens its report', async () => {
    await page.getByRole('link', { name: 'Kunjungan' }).click();
    const day = (offset: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
        new Date(Date.now() + offset * 86_400_000),
      );
    await page.getByLabel('Kelurahan', { exact: true }).fill('Mekarsari');
    await page
      .getByLabel('Tempat (mis. Balai Kelurahan Sukamaju)')
      .fill('Balai Kelurahan Mekarsari');
    await page.getByLabel('Hari pertama').fill(day(-2));
    await page.getByLabel('Jam buka').fill('08:00');
    await page.getByLabel('Jam tutup').fill('12:00');
    const ktp = page.getByRole('checkbox', { name: /Cetak ulang KTP-el/ });
    await ktp.check();
    await page.getByLabel(/^Kuota per hari, Cetak ulang KTP-el/).fill('25');
    await button(page, 'Simpan kunjungan').click();
    // A day already past: refused with the reason, nothing typed is lost.
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Kelurahan', { exact: true }).inputValue()).toBe('Mekarsari');
    await axe(page, 'visit refused');

    await page.getByLabel('Hari pertama').fill(day(7));
    await page.getByLabel('Kode kunjungan').fill(`mekarsari-${day(7)}`);
    await button(page, 'Simpan kunjungan').click();
    const row = page.getByRole('row', { name: /Mekarsari/ });
    await row.getByText('Akan datang').waitFor();
    await row.getByRole('button', { name: /^Laporan/ }).click();
    await page.getByRole('heading', { name: /^Laporan Kelurahan Mekarsari/ }).waitFor();
    await axe(page, 'visits and a report');
  }, 60_000);

  it('lists the config versions and restores the one before the visit', async () => {
    await page.getByRole('link', { name: 'Konfigurasi' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await page.getByText('dipakai sekarang').waitFor();
    // The seed (CONFIG_DIR) and the version that added the visit, newest first.
    await expect.poll(() => rows.count()).toBe(3);
    await page
      .getByRole('button', { name: /^Lihat perubahan/ })
      .first()
      .click();
    await page.getByText(/^Kunjungan mekarsari-.* dihapus$/).waitFor();
    await axe(page, 'config versions');
    await button(page, 'Pulihkan versi ini').click();
    await page
      .getByRole('status')
      .getByText(/^Versi .* dipulihkan/)
      .waitFor();
    await page.getByRole('link', { name: 'Kunjungan' }).click();
    await page.getByRole('heading', { name: 'Kunjungan MPP bergerak' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('row', { name: /Mekarsari/ }).count()).toBe(0);
  }, 30_000);

  it('imports a spreadsheet: a bad row refused, then the good one published', async () => {
    await page.getByRole('link', { name: 'Katalog' }).click();
    await page.getByText(/Standar pelayanan yang belum lengkap dicatat: 0 layanan\./).waitFor();
    await axe(page, 'catalogue');
    const header = 'instansi;layanan;nama;nama_en;persyaratan;persyaratan_en;menit_layanan;biaya';
    const good =
      'disdukcapil;akta-kematian;Akta Kematian;Death certificate;Surat keterangan kematian;Death statement;20;gratis';
    const bad = 'disdukcapil;akta-lahir;Akta Lahir;;;;;';
    const upload = (lines: string[]) =>
      page.getByLabel('Berkas CSV').setInputFiles({
        name: 'katalog.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n')),
      });

    await upload([header, good, bad]);
    await button(page, 'Periksa').click();
    await page.getByRole('row', { name: /akta-lahir Ditolak/ }).waitFor();
    expect(await button(page, 'Terbitkan sebagai versi baru').isDisabled()).toBe(true);
    await axe(page, 'import refused');

    await upload([header, good]);
    await button(page, 'Periksa').click();
    await page.getByText('Layanan akta-kematian ditambahkan').waitFor();
    await button(page, 'Terbitkan sebagai versi baru').click();
    await page
      .getByRole('status')
      .getByText(/^Diterbitkan sebagai versi /)
      .waitFor();
    // The catalogue read again: the new service, its parts not recorded yet.
    await page
      .getByRole('row', { name: /^Akta Kematian/ })
      .getByText(/biaya|waktu penyelesaian/)
      .waitFor();
  }, 60_000);

  it('lists what the server flagged, and records a review of it', async () => {
    // A device whose clock runs three days ahead: the server keeps its tickets, flagged.
    await page.getByRole('link', { name: 'Perangkat' }).click();
    await button(page, 'Buat kode pendaftaran').click();
    const code = (await page.locator('.admin-code-value').textContent()) ?? '';
    await button(page, 'Tutup').click();
    const device = await enrollOverHttp(server.url, code, 'Anjungan jam salah');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const ahead = Date.now() + 3 * 86_400_000;
    expect((await pushOverHttp(server.url, device, eventsOf(device, 2, today, ahead))).status).toBe(
      200,
    );

    await page.getByRole('link', { name: 'Kejadian ditandai' }).click();
    const rows = page.getByRole('row', { name: /Anjungan jam salah/ });
    await expect.poll(() => rows.count()).toBe(2);
    await rows
      .first()
      .getByText(/^Jam perangkat di depan \(3,0 hari\)$/)
      .waitFor();
    await axe(page, 'flagged events');
    await page
      .getByRole('button', { name: /^Wajar: Anjungan jam salah/ })
      .first()
      .click();
    await rows
      .first()
      .getByText(/^Wajar — Dewi Lestari, /)
      .waitFor();

    // Read again, only the open one is left; all of them on request.
    await page.getByRole('link', { name: 'Log audit' }).click();
    await page.getByRole('link', { name: 'Kejadian ditandai' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Hanya yang belum ditinjau').uncheck();
    await expect.poll(() => rows.count()).toBe(2);
  }, 60_000);

  it('reports the last 30 days with charts: the tickets the flagged device issued today', async () => {
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.getByText('2 tiket, 0 dilayani, 0 tidak hadir').waitFor();
    await page.getByRole('img', { name: /^Grafik tiket: 2 diterbitkan/ }).waitFor();
    await page.getByRole('row', { name: /^Seluruh MPP 2 0 0/ }).waitFor();
    await axe(page, 'reports');
    await page.getByLabel('Dikelompokkan per').selectOption({ label: 'Minggu' });
    await button(page, 'Tampilkan').click();
    await page.getByRole('heading', { name: 'Tiket per minggu' }).waitFor();
  }, 30_000);

  it('shows the SKM report of the year so far, with the sample it needs', async () => {
    await page.getByRole('link', { name: 'SKM' }).click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat (SKM)' }).waitFor();
    await page.getByText(/^Belum ada jawaban pada periode ini/).waitFor();
    await axe(page, 'SKM report');
  }, 30_000);

  it('lists who holds admin access: this session, and the bootstrap token revoked', async () => {
    await page.getByRole('link', { name: 'Akses admin' }).click();
    await page.getByRole('row', { name: /Dewi Lestari · sesi ini/ }).waitFor();
    // The first admin's API token, made from the bootstrap code, was revoked at once.
    await page
      .getByRole('row')
      .filter({ hasText: /Dicabut / })
      .first()
      .waitFor();
    await axe(page, 'admin access');
  }, 30_000);

  it('lists what was done in the audit log', async () => {
    await page.getByRole('link', { name: 'Log audit' }).click();
    const log = page.getByRole('table');
    await log.getByText('device.revoke').waitFor();
    for (const action of [
      'bootstrap',
      'session.start',
      'enrollment.create',
      'staff.lock',
      'flagged.review',
      'visit.write',
      'config.restore',
      'catalogue.import',
    ]) {
      await expect.poll(() => log.getByText(action, { exact: true }).count()).toBeGreaterThan(0);
    }
    await axe(page, 'audit log');
  }, 60_000);

  it('signs a supervisor in with their set-up code: they read and cannot change', async () => {
    await button(page, 'Keluar').click();
    await page.getByRole('heading', { name: 'Masuk admin' }).waitFor();
    await button(page, 'Masuk pertama kali').click();
    await page.getByLabel('Kode set-up').fill(supervisorCode);
    await page.getByLabel('PIN baru', { exact: true }).fill(SUPERVISOR_PIN);
    await page.getByLabel('Ulangi PIN baru').fill(SUPERVISOR_PIN);
    await button(page, 'Simpan PIN dan masuk').click();

    await page
      .getByText('Anda masuk sebagai supervisor: dapat melihat, tidak dapat mengubah.')
      .waitFor();
    // The section is the one the tab was on (the audit log): the devices, then.
    await page.getByRole('link', { name: 'Perangkat' }).click();
    await page.getByRole('row', { name: /Anjungan lobi 2/ }).waitFor();
    await axe(page, 'devices, read only');
    expect(await button(page, 'Buat kode pendaftaran').count()).toBe(0);
    await page.getByRole('link', { name: 'Petugas' }).click();
    await page.getByRole('row', { name: /Rina Wati/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Kunci/ }).count()).toBe(0);

    // A wrong PIN after signing out gets one answer, and nothing opens.
    await button(page, 'Keluar').click();
    await page.getByLabel('Nama').fill('Rina Wati');
    await page.getByLabel('PIN', { exact: true }).fill('111111');
    await button(page, 'Masuk').click();
    await page
      .getByRole('alert')
      .getByText(/Nama atau PIN salah/)
      .waitFor();
    await page.getByLabel('PIN', { exact: true }).fill(SUPERVISOR_PIN);
    await button(page, 'Masuk').click();
    await page.getByText('Rina Wati (supervisor)').waitFor();
  }, 60_000);
});
