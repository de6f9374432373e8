/**
 * The site server's composition root: reads the environment, loads and validates the
 * config (refusing to start on an invalid one), and serves the app and the API.
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { formatIssues } from '../domain/config/validate';
import { readConfigDir } from './config/load-config';
import { createApp } from './http/app';

const VERSION = '0.1.0';

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 8080);
  const configDir = resolve(process.env.CONFIG_DIR ?? 'kiosk-config');
  const appDir = resolve(process.env.APP_DIR ?? 'dist/app');

  const loaded = await readConfigDir(configDir);
  if (!loaded.ok) {
    console.error(`Konfigurasi tidak valid (${loaded.issues.length} masalah) di ${configDir}:`);
    console.error(formatIssues(loaded.issues));
    process.exit(1);
  }
  const config = loaded.bundle;
  const app = createApp({ config: () => config, appDir, version: VERSION, now: Date.now });
  const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
    console.info(
      `Anjungan ${VERSION}: ${config.site.name.id} (konfigurasi ${config.version}) di http://${info.address}:${info.port}/kiosk`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Anjungan gagal dimulai:', error);
  process.exit(1);
});
