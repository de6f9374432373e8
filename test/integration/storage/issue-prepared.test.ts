// @vitest-environment node
/**
 * The kiosk's issue actor reads its basis (server clock offset, leased days) ahead of the
 * tap when asked: a ticket issued soon after uses that read, one issued later reads again.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeIssueTicket, PREPARED_BASIS_MS } from '../../../src/app/kiosk/issue';
import type { IssueRequest } from '../../../src/machines/kiosk.types';
import { Replica } from '../../../src/replica/replica';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { saveIdentity } from '../../../src/storage/device';
import { setServerOffset } from '../../../src/storage/sync-state';
import { alwaysOpenSample } from '../../e2e/support/sample-config';
import { deviceIdentity, FIXTURE_NOW } from '../../fixtures/sync-device';

const me = deviceIdentity(1, { siteId: 'mpp-kota-contoh' });
const HOUR = 3_600_000;
const request: IssueRequest = {
  agencyId: 'disdukcapil',
  serviceId: 'disdukcapil-akta-kelahiran',
  priority: null,
  purpose: 'service',
  missing: [],
  language: 'id',
};
let db: AnjunganDatabase;
let n = 0;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
  await saveIdentity(db, me);
});

function issuer(clock: { now: number }) {
  const config = alwaysOpenSample();
  return makeIssueTicket({
    db,
    replica: new Replica(db),
    identity: me,
    config: () => config,
    profile: () => ({ surface: 'kiosk' }),
    now: () => clock.now,
    newId: () => `0193a0b0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  });
}

/**
 * An issuer that read ahead with the offset at 1 h, after which the stored offset became
 * 2 h, and `laterMs` passed.
 */
async function preparedThenChanged(laterMs: number) {
  const clock = { now: FIXTURE_NOW };
  const issue = issuer(clock);
  await setServerOffset(db, HOUR);
  issue.prepare();
  // Let the read finish before the change: the prepared basis holds the earlier offset.
  await new Promise((resolve) => setTimeout(resolve, 10));
  await setServerOffset(db, 2 * HOUR);
  clock.now += laterMs;
  return { clock, issue };
}

describe('the issue basis read ahead of the tap', () => {
  it('is used by a ticket issued soon after, once', async () => {
    const { clock, issue } = await preparedThenChanged(5_000);

    const soon = await issue(request);
    const next = await issue(request);

    expect(soon.issuedAt).toBe(clock.now + HOUR);
    expect(next.issuedAt).toBe(clock.now + 2 * HOUR);
  });

  it('is read again when the tap comes later than PREPARED_BASIS_MS', async () => {
    const { clock, issue } = await preparedThenChanged(PREPARED_BASIS_MS + 1);

    const late = await issue(request);

    expect(late.issuedAt).toBe(clock.now + 2 * HOUR);
  });
});
