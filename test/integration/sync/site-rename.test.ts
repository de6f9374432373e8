/**
 * A kiosk enrolled before its site was renamed (RENAME_SITE_FROM) keeps syncing with the
 * real client: the events it makes under the old id are taken as the site's, and it takes
 * the events the server sends under the new id.
 */
import { describe, expect, it } from 'vitest';
import { readAllEvents } from '../../../src/storage/events';
import { openKiosk } from '../../fixtures/http-kiosk';
import { kioskBundle } from '../../fixtures/kiosk';
import { call, eventsOf, SITE_ID, seedDevice, startHarness } from '../server/support';

describe('a kiosk of a renamed site', () => {
  it('pushes under its old id and pulls what the server sends under the new one', async () => {
    const bundle = kioskBundle();
    const renamed = { ...bundle, site: { ...bundle.site, id: 'mpp-baru' } };
    const h = await startHarness({ config: renamed, formerSiteIds: [SITE_ID] });
    const seeded = await seedDevice(h.store, { siteId: 'mpp-baru' });
    const kiosk = await openKiosk(h, seeded, 'site-rename-1', SITE_ID);
    const other = await seedDevice(h.store, { siteId: 'mpp-baru' });
    const [theirs] = eventsOf(other.deviceId, 1, 1).map((e) => ({ ...e, siteId: 'mpp-baru' }));
    await call(h, 'POST', '/sync/push', { token: other.token, body: { events: [theirs] } });
    const mine = await kiosk.issue();

    const result = await kiosk.sync();

    expect(mine.siteId).toBe(SITE_ID);
    expect(result.pushed.accepted).toBe(1);
    expect(result.pulled).toMatchObject({ added: 1, invalid: 0 });
    expect((await readAllEvents(kiosk.db)).map((e) => e.id).sort()).toEqual(
      [mine.id, theirs?.id].sort(),
    );
    expect((await h.store.findEvent(mine.id))?.event.siteId).toBe('mpp-baru');
    await h.store.close();
  });
});
