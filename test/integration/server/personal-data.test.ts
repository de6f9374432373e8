// @vitest-environment node
/**
 * Personal data a citizen consented to give, sent by a kiosk apart from the log: checked
 * field by field, a bad batch refused whole with nothing stored, a resend stored once, and
 * every field forgotten after the site's retention; never in a log line.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { kioskBundle } from '../../fixtures/kiosk';
import { call, type Harness, json, NOW, SITE_ID, seedDevice, startHarness } from './support';

let h: Harness;
let device: string;
beforeEach(async () => {
  h = await startHarness({ config: kioskBundle() });
  device = (await seedDevice(h.store)).token;
  return () => h.store.close();
});

const entry = (value = '081234567890', nik = '3201234567890001') => ({
  ref: randomUUID(),
  serviceId: 'disdukcapil-ktp-el-cetak-ulang',
  fields: [
    { id: 'hp', kind: 'phone', value },
    { id: 'nik', kind: 'nik', value: nik },
  ],
  consentedAt: NOW,
});
const send = (entries: unknown[]) =>
  call(h, 'POST', '/sync/personal', { token: device, body: { entries } });

describe('personal data from a kiosk', () => {
  it('stores a consented entry once, however often it is sent', async () => {
    const one = entry();

    const first = await json<{ stored: number }>(await send([one]));
    const again = await json<{ stored: number }>(await send([one]));

    expect(first.stored).toBe(2);
    expect(again.stored).toBe(0);
    expect(await h.store.personalDataCount(SITE_ID)).toBe(2);
  });

  it('refuses a batch with one bad field whole, and says which, storing nothing', async () => {
    const response = await send([entry(), entry('12345')]);
    const body = await json<{ issues: { path: string; message: string }[] }>(response);

    expect(response.status).toBe(400);
    expect(body.issues.map((i) => i.path)).toEqual(['$.entries[1].fields[0]']);
    expect(await h.store.personalDataCount(SITE_ID)).toBe(0);
    expect(JSON.stringify(h.log)).not.toContain('081234567890');
    expect(JSON.stringify(h.log)).not.toContain('3201234567890001');
  });

  it('is forgotten once older than the retention', async () => {
    await send([entry()]);

    const kept = await h.store.forgetPersonalData(SITE_ID, NOW);
    const gone = await h.store.forgetPersonalData(SITE_ID, NOW + 1);

    expect(kept).toBe(0);
    expect(gone).toBe(2);
    expect(await h.store.personalDataCount(SITE_ID)).toBe(0);
  });
});
