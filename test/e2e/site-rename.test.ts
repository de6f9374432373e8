/**
 * A DATA_DIR belongs to one site: the real server refuses to start on another site.id,
 * saying how to proceed, and RENAME_SITE_FROM renames the site keeping its devices — the
 * enrolled device's token still works, its events under the old id are taken, and pulls
 * carry the new id.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDayOf } from '../../src/domain/time';
import { kioskBundle } from '../fixtures/kiosk';
import { startServer, writeConfigDir } from './support/server';
import { enrollOverHttp, eventsOf, pullAllOverHttp, pushOverHttp } from './support/sync-http';

const OLD = kioskBundle();
const NEW = { ...OLD, site: { ...OLD.site, id: 'mpp-kota-contoh-baru' } };

describe('a DATA_DIR of another site', () => {
  it('refuses to start, then renames with RENAME_SITE_FROM keeping the devices', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'anjungan-data-'));
    const day = businessDayOf(Date.now(), OLD.site.timeZone);
    const first = await startServer({ configDir: writeConfigDir(OLD), dataDir });
    const device = await enrollOverHttp(first.url, await first.enrollmentCode(), 'Lobi');
    const events = eventsOf(device, 3, day);
    await pushOverHttp(first.url, device, events.slice(0, 2));
    await first.stop();

    const refused = await startServer({ configDir: writeConfigDir(NEW), dataDir }).then(
      (server) => server.stop().then(() => ''),
      (error: Error) => error.message,
    );
    const renamed = await startServer({
      configDir: writeConfigDir(NEW),
      dataDir,
      env: { RENAME_SITE_FROM: OLD.site.id },
    });
    try {
      const pushed = await pushOverHttp(renamed.url, device, events);
      const pulled = await pullAllOverHttp(renamed.url, device);

      expect(refused).toContain('server exited (1)');
      expect(refused).toContain(`milik situs '${OLD.site.id}'`);
      expect(refused).toContain(`RENAME_SITE_FROM=${OLD.site.id}`);
      expect(renamed.output()).toContain('perangkat tetap terdaftar');
      expect(pushed).toMatchObject({ status: 200, body: { ackSeq: 3 } });
      expect(pulled.events.map((e) => [e.id, e.siteId])).toEqual(
        events.map((e) => [e.id, NEW.site.id]),
      );
    } finally {
      await renamed.stop();
    }
  });
});
