import { describe, expect, it } from 'vitest';
import { quotaRule } from '../../../src/domain/quotas';
import { visitFixture } from '../../fixtures/config';
import { kioskBundle } from '../../fixtures/kiosk';

const bundle = kioskBundle();
const withQuota = (dailyQuota: number) => ({
  ...bundle,
  agencies: bundle.agencies.map((a) => ({
    ...a,
    services: a.services.map((s) => (s.id === 'imigrasi-paspor-baru' ? { ...s, dailyQuota } : s)),
  })),
});
const visit = visitFixture({
  id: 'v',
  date: '2025-11-05',
  services: [{ service: 'imigrasi-paspor-baru', quota: 7 }],
});

describe('quotaRule', () => {
  it('gives a daily quota with a quarter of it, at least ten, as one device’s share', () => {
    expect(quotaRule(withQuota(60), 'imigrasi-paspor-baru', '2025-11-03')).toEqual({
      quota: 60,
      deviceShare: 15,
    });
    expect(quotaRule(withQuota(2), 'imigrasi-paspor-baru', '2025-11-03')).toEqual({
      quota: 2,
      deviceShare: 10,
    });
  });

  it('gives a visit day the visits’ quota whole: the mobile unit takes it before it leaves', () => {
    const config = { ...withQuota(60), visits: [visit, { ...visit, id: 'w' }] };

    expect(quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05')).toEqual({
      quota: 14,
      deviceShare: 14,
    });
  });

  it('has none for a service without a quota, or no such service', () => {
    expect(quotaRule(bundle, 'disdukcapil-ktp-el-cetak-ulang', '2025-11-03')).toBeUndefined();
    expect(quotaRule(bundle, 'nope', '2025-11-03')).toBeUndefined();
  });
});
