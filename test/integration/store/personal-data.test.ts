/** Personal data kept apart, on both databases: stored once, forgotten after the retention. */
import { describe, expect, it } from 'vitest';
import type { PersonalEntry } from '../../../src/domain/personal-data';
import { useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const SITE = 'mpp-kota-contoh';
const entry: PersonalEntry = {
  ref: '0190f5e0-0000-7000-8000-0000000000ab',
  serviceId: 'ktp',
  fields: [{ id: 'hp', kind: 'phone', value: '081234567890' }],
  consentedAt: 10,
};

describe.each(storeTargets())('personal data ($kind)', (target) => {
  const { store } = useStore(target);

  it('stores a field once and forgets it once older than the bound', async () => {
    const first = await store().savePersonalData(SITE, [entry], 100);
    const again = await store().savePersonalData(SITE, [entry], 200);
    const early = await store().forgetPersonalData(SITE, 100);
    const late = await store().forgetPersonalData(SITE, 101);

    expect([first, again, early, late]).toEqual([1, 0, 0, 1]);
    expect(await store().personalDataCount(SITE)).toBe(0);
  });
});
