/**
 * Call → board benchmark (figures, not assertions): a counter and a lobby board, each its
 * own headless Chromium device on one site server over loopback; 100 tickets waiting; the
 * counter calls next 100 times; each call is timed from the tap (in the counter's page) to
 * the number on the board (a MutationObserver in the board's page), both read on the same
 * machine clock (performance.timeOrigin + performance.now()). Goal: p95 ≤ 1 s.
 * Run: npm run build && npx tsx test/bench/board.bench.ts
 */
import type { Page } from 'playwright-core';
import type { StaffSetupResponse } from '../../src/domain/staff';
import { businessDayOf } from '../../src/domain/time';
import { launchBrowser } from '../e2e/support/browser';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import { startServer, writeConfigDir } from '../e2e/support/server';
import { enrollOverHttp, eventsOf, pushOverHttp } from '../e2e/support/sync-http';

const CALLS = 100;
const PIN = '480915';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function main() {
  const config = alwaysOpenSample();
  const server = await startServer({ configDir: writeConfigDir(config) });
  const browser = await launchBrowser();
  try {
    const token = await server.adminToken();
    const created = await fetch(`${server.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sari', role: 'petugas', agencies: ['disdukcapil'] }),
    });
    const { setupCode } = (await created.json()) as StaffSetupResponse;
    const kiosk = await enrollOverHttp(server.url, await server.enrollmentCode(), 'Anjungan bench');
    const day = businessDayOf(Date.now(), config.site.timeZone);
    const pushed = await pushOverHttp(
      server.url,
      kiosk,
      eventsOf(kiosk, CALLS + 5, day, Date.now() - 600_000),
    );
    if (pushed.status !== 200) throw new Error(`push: ${pushed.status}`);

    const device = async (path: string, profile: string) => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await page.getByLabel('Kode pendaftaran').fill(await server.enrollmentCode());
      await page.getByLabel('Nama perangkat').fill(profile);
      await page.getByLabel('Profil').selectOption({ label: profile });
      await page.getByRole('button', { name: 'Daftarkan' }).click();
      return page;
    };
    const counter = await device('/counter', 'Loket (PC meja petugas)');
    const board = await device('/display', 'Papan antrean lobi (TV)');
    await counter.getByRole('button', { name: 'Masuk pertama kali', exact: true }).click();
    await counter.getByLabel('Kode set-up').fill(setupCode);
    await counter.getByLabel('PIN baru', { exact: true }).fill(PIN);
    await counter.getByLabel('Ulangi PIN baru').fill(PIN);
    await counter.getByRole('button', { name: 'Simpan PIN dan masuk' }).click();
    await counter.getByLabel('Nomor loket').fill('3');
    await counter.getByRole('button', { name: 'Buka loket', exact: true }).click();
    await counter
      .getByRole('region', { name: `Menunggu (${CALLS + 5})` })
      .waitFor({ timeout: 30_000 });
    await board.getByRole('region', { name: /^Berikutnya/ }).waitFor();
    await board.evaluate(() => {
      const w = window as unknown as { __shown: Record<string, number> };
      w.__shown = {};
      new MutationObserver(() => {
        const number = document.querySelector('.board-highlight-number')?.textContent;
        if (number && !(number in w.__shown))
          w.__shown[number] = performance.timeOrigin + performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    const latencies: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const { number, at } = await counter.evaluate(() => {
        const next =
          document.querySelector('.counter-row--next .counter-row-number')?.textContent ?? '';
        const button = [...document.querySelectorAll('button')].find((b) =>
          b.textContent?.startsWith('Panggil berikutnya'),
        );
        const at = performance.timeOrigin + performance.now();
        button?.click();
        return { number: next, at };
      });
      const shown = await board.waitForFunction(
        (n) => (window as unknown as { __shown: Record<string, number> }).__shown[n],
        number,
        { timeout: 10_000, polling: 5 },
      );
      latencies.push(((await shown.jsonValue()) as number) - at);
      await counter.getByRole('region', { name: `Menunggu (${CALLS + 5 - i - 1})` }).waitFor();
    }
    latencies.sort((a, b) => a - b);
    console.info(
      `call → board over loopback, ${CALLS} calls: p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms (goal p95 ≤ 1000 ms)`,
    );
    await exercisePages(counter, board);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Keeps the pages referenced until the figures are printed. */
async function exercisePages(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
