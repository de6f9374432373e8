// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyOf, configFiles } from '../../fixtures/config';
import { repeatKey, writeConfigDir } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `config-check.ts dir --today=…` as `npm run config:check` would (today before the
 * fixture's visit unless told); resolves with its exit code and output.
 */
function runConfigCheck(
  dir: string,
  today = '2026-02-01',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/config-check.ts', dir, `--today=${today}`],
      { cwd: ROOT, env: { ...process.env, CONFIG_DIR: '' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('config-check CLI', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anjungan-cli-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a summary and exits 0 on a valid config', async () => {
    // Arrange
    await writeConfigDir(dir, configFiles());

    // Act
    const { code, output } = await runConfigCheck(dir);

    // Assert
    expect(output).toMatch(
      /^Konfigurasi valid: MPP Kota Contoh — 2 instansi, 3 layanan, 1 profil, 1 kunjungan \(versi [0-9a-f]{12}\)\n$/,
    );
    expect(code).toBe(0);
  }, 30_000);

  it('warns of citizen texts without English, each by path, and still exits 0', async () => {
    // Arrange
    await writeConfigDir(
      dir,
      configFiles((f) => {
        agencyOf(f, 'disdukcapil').zone = 'Zona D, lantai 2';
        agencyOf(f, 'imigrasi').complaints.push({ kind: 'desk', value: 'Meja pengaduan' });
      }),
    );

    // Act
    const { code, output } = await runConfigCheck(dir);

    // Assert
    expect(output.split('\n').slice(1)).toEqual([
      'Peringatan: 2 teks untuk warga belum punya bentuk bahasa Inggris (layar berbahasa ' +
        'Inggris menampilkannya dalam bahasa Indonesia):',
      expect.stringMatching(/^agencies\/disdukcapil\.json \$\.zone: letak loket hanya/),
      expect.stringMatching(/^agencies\/imigrasi\.json \$\.complaints\[1\]\.en: meja pengaduan/),
      '',
    ]);
    expect(code).toBe(0);
  }, 30_000);

  it('passes the big sample site: 28 agencies, 105 services, agency groups', async () => {
    // Act
    const { code, output } = await runConfigCheck('test/fixtures/kiosk-config-besar');

    // Assert
    expect(output).toMatch(/^Konfigurasi valid: MPP Kota Contoh Raya — 28 instansi, 105 layanan/);
    expect(code).toBe(0);
  }, 30_000);

  it('refuses a visit already over by today, and exits 1', async () => {
    // Arrange
    await writeConfigDir(dir, configFiles());

    // Act
    const onTheDay = await runConfigCheck(dir, '2026-02-10');
    const dayAfter = await runConfigCheck(dir, '2026-02-11');

    // Assert
    expect(onTheDay.code).toBe(0);
    expect(dayAfter.output).toBe(
      'Konfigurasi tidak valid (1 masalah):\n' +
        'visits/sukamaju-2026-02-10.json $.date: kunjungan sudah lewat (Selasa 10 Februari ' +
        '2026, hari ini 2026-02-11): jadwalkan tanggal yang akan datang atau hapus berkasnya\n',
    );
    expect(dayAfter.code).toBe(1);
  }, 30_000);

  it('prints every issue with file and JSON path and exits 1 on an invalid config', async () => {
    // Arrange
    await writeConfigDir(
      dir,
      configFiles((f) => {
        agencyOf(f, 'imigrasi').prefix = 'A';
        f.site.city = '';
      }),
    );

    // Act
    const { code, output } = await runConfigCheck(dir);

    // Assert
    expect(output).toContain('Konfigurasi tidak valid (2 masalah):');
    expect(output).toContain(
      "agencies/imigrasi.json $.prefix: prefiks antrean 'A' sudah dipakai oleh agencies/disdukcapil.json",
    );
    expect(output).toContain('site.json $.city: tidak boleh kosong');
    expect(code).toBe(1);
  }, 30_000);

  it('refuses duplicate keys with file, JSON path and lines, and exits 1', async () => {
    // Arrange
    await writeConfigDir(
      dir,
      configFiles((f) => {
        repeatKey(agencyOf(f, 'imigrasi'), 'colour', '#000000');
        repeatKey(f.site, 'pre\\u0066ix', 'x');
        repeatKey(f.site, 'city', 'Kota Lain');
      }),
    );

    // Act
    const { code, output } = await runConfigCheck(dir);

    // Assert: site.json has no prefix at all, so its escaped "prefix" is unknown, not repeated.
    expect(output).toContain('Konfigurasi tidak valid (3 masalah):');
    expect(output).toMatch(
      /^agencies\/imigrasi\.json \$\.colour: properti ganda, ditulis 2 kali \(baris \d+ dan \d+\): hapus salah satu$/m,
    );
    expect(output).toMatch(
      /^site\.json \$\.city: properti ganda, ditulis 2 kali \(baris \d+ dan \d+\)/m,
    );
    expect(output).toContain('site.json $.prefix: properti tidak dikenal');
    expect(code).toBe(1);
  }, 30_000);
});
