import { describe, expect, it } from 'vitest';
import { LOBBY_POOL, quotaRule, siteQuota } from '../../../src/domain/quotas';
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
const kiosk = { surface: 'kiosk' } as const;
const unit = (team?: string) => ({ surface: 'mobile', team }) as const;

describe('quotaRule', () => {
  it('gives a daily quota with a quarter of it, at least ten, as one device’s share', () => {
    expect(quotaRule(withQuota(60), 'imigrasi-paspor-baru', '2025-11-03', kiosk)).toEqual({
      quota: 60,
      deviceShare: 15,
      pool: LOBBY_POOL,
    });
    expect(quotaRule(withQuota(2), 'imigrasi-paspor-baru', '2025-11-03', kiosk)).toEqual({
      quota: 2,
      deviceShare: 10,
      pool: LOBBY_POOL,
    });
  });

  it('gives a mobile unit its own team’s visit quota whole, from the visit’s pool', () => {
    // Arrange: two teams out on the same day, each with a quota of 7.
    const config = {
      ...withQuota(60),
      visits: [
        { ...visit, team: 'tim-1' },
        { ...visit, id: 'w', team: 'tim-2' },
      ],
    };

    // Act
    const one = quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05', unit('tim-1'));
    const two = quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05', unit('tim-2'));

    // Assert
    expect(one).toEqual({ quota: 7, deviceShare: 7, pool: 'v' });
    expect(two).toEqual({ quota: 7, deviceShare: 7, pool: 'w' });
  });

  it('leaves the lobby its daily quota on a visit day: neither pool uses up the other', () => {
    const config = { ...withQuota(60), visits: [visit] };

    expect(quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05', kiosk)).toEqual({
      quota: 60,
      deviceShare: 15,
      pool: LOBBY_POOL,
    });
  });

  it('gives a unit without a team the visits without one (the default team’s)', () => {
    const config = { ...withQuota(60), visits: [visit, { ...visit, id: 'w', team: 'tim-2' }] };

    expect(quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05', unit())?.pool).toBe('v');
  });

  it('gives a unit none for a service its visit does not carry, and the daily one off its visit days', () => {
    // Arrange: a visit that carries KTP alone; the passport has a daily quota at the MPP.
    const ktp = { service: 'disdukcapil-ktp-el-cetak-ulang', quota: 7 };
    const config = { ...withQuota(60), visits: [{ ...visit, services: [ktp] }] };

    // Assert
    expect(quotaRule(config, 'imigrasi-paspor-baru', '2025-11-05', unit())).toBeUndefined();
    expect(quotaRule(config, 'imigrasi-paspor-baru', '2025-11-06', unit())?.pool).toBe(LOBBY_POOL);
  });

  it('has none for a service without a quota, or no such service', () => {
    expect(
      quotaRule(bundle, 'disdukcapil-ktp-el-cetak-ulang', '2025-11-03', kiosk),
    ).toBeUndefined();
    expect(quotaRule(bundle, 'nope', '2025-11-03', kiosk)).toBeUndefined();
  });
});

describe('siteQuota', () => {
  it('sums the lobby’s quota and every visit’s of the day', () => {
    const config = { ...withQuota(60), visits: [visit, { ...visit, id: 'w', team: 'tim-2' }] };

    expect(siteQuota(config, 'imigrasi-paspor-baru', '2025-11-05')).toBe(74);
    expect(siteQuota(config, 'imigrasi-paspor-baru', '2025-11-06')).toBe(60);
  });

  it('is unbounded when the lobby has no quota for the service', () => {
    const ktp = 'disdukcapil-ktp-el-cetak-ulang';
    const config = { ...bundle, visits: [{ ...visit, services: [{ service: ktp, quota: 7 }] }] };

    expect(siteQuota(config, ktp, '2025-11-05')).toBe(Number.POSITIVE_INFINITY);
  });
});
