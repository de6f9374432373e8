/**
 * Catalogue import benchmark (figures, not assertions): a spreadsheet of 120 services (the
 * sample site's own 61, changed, and 59 new ones) sent as CSV, then as .xlsx, to the
 * server's app in this process (SQLite in a temp dir): the check (read, apply, validate,
 * compare), then the same published as a new config version. Median of
 * CATALOGUE_BENCH_RUNS runs (5).
 * Run: npx tsx test/bench/catalogue.bench.ts (part of `npm run bench`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { IMPORT_COLUMNS, XLSX_MEDIA_TYPE } from '../../src/domain/config/catalogue-import';
import { catalogueRows } from '../../src/domain/config/catalogue-rows';
import { hashCode, hashSecret, newToken } from '../../src/server/auth/secrets';
import { catalogueXlsx } from '../../src/server/config/catalogue-xlsx-template';
import { createApp } from '../../src/server/http/app';
import { openStore } from '../../src/server/store/open';
import { alwaysOpenSample } from '../e2e/support/sample-config';
import { quietLogger } from '../fixtures/logger';
import { machineInfo, median, ms } from './sync/stats';

const RUNS = Number(process.env.CATALOGUE_BENCH_RUNS) || 5;
const KEY = Buffer.alloc(32, 3);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-catalogue-'));
  const store = await openStore({ dataDir });
  const config = alwaysOpenSample();
  const app = createApp({
    store,
    config: () => config,
    appDir: join(dataDir, 'no-app'),
    version: 'bench',
    now: Date.now,
    secretKey: KEY,
    log: quietLogger(),
  });
  try {
    await store.setBootstrapCode(hashCode('BENCH', KEY), Date.now());
    const token = newToken();
    await store.bootstrapAdmin(
      hashCode('BENCH', KEY),
      { adminId: randomUUID(), name: 'Bench', createdAt: Date.now() },
      {
        tokenId: randomUUID(),
        tokenHash: hashSecret(token),
        createdAt: Date.now(),
        expiresAt: Date.now() + 3_600_000,
      },
    );
    // The sample's services with a new daily quota, and new ones up to 120.
    const rows = catalogueRows(config).map((row) => ({ ...row, kuota_harian: '77' }));
    const agencies = config.agencies.map((a) => a.id);
    for (let i = rows.length; i < 120; i++) {
      rows.push({
        ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])),
        instansi: agencies[i % agencies.length] ?? '',
        layanan: `layanan-baru-${i}`,
        nama: `Layanan baru ${i}`,
        nama_en: `New service ${i}`,
        persyaratan: 'KTP-el | Kartu Keluarga',
        persyaratan_en: 'KTP-el | Family card',
        menit_layanan: '15',
        biaya: 'gratis',
      } as (typeof rows)[number]);
    }
    const csv = Papa.unparse(rows, { columns: [...IMPORT_COLUMNS], delimiter: ';' });
    const xlsx = await catalogueXlsx(IMPORT_COLUMNS, rows);
    const bodies = {
      CSV: (publish: boolean) => ({
        path: '',
        type: 'application/json',
        body: JSON.stringify({ csv, publish }),
      }),
      '.xlsx': (publish: boolean) => ({
        path: `?publish=${publish ? 1 : 0}`,
        type: XLSX_MEDIA_TYPE,
        body: new Uint8Array(xlsx),
      }),
    };
    const post = async (format: keyof typeof bodies, publish: boolean) => {
      const { path, type, body } = bodies[format](publish);
      const started = performance.now();
      const response = await app.request(`/api/v1/admin/catalogue/import${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
        body,
      });
      const answer = (await response.json()) as {
        rows: { status: string }[];
        published: string | null;
      };
      if (!response.ok || answer.rows.some((r) => r.status === 'refused')) {
        throw new Error(`import: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
      }
      if (answer.rows.length !== rows.length) throw new Error(`${format}: rows missing`);
      return performance.now() - started;
    };
    const sampleCount = config.agencies.reduce((n, a) => n + a.services.length, 0);
    console.log(`Catalogue import: ${machineInfo()}`);
    console.log(
      `  ${rows.length} services (${sampleCount} changed, ${rows.length - sampleCount} new), ${(csv.length / 1024).toFixed(0)} KB of CSV, ${(xlsx.length / 1024).toFixed(0)} KB of .xlsx`,
    );
    for (const format of ['CSV', '.xlsx'] as const) {
      const checks: number[] = [];
      for (let i = 0; i < RUNS; i++) checks.push(await post(format, false));
      const publishMs = await post(format, true);
      console.log(
        `  ${format}: check (read, apply, validate, compare): median ${ms(median(checks))} of ${RUNS}; the same, published as a new config version: ${ms(publishMs)}`,
      );
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
