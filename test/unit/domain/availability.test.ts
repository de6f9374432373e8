import { describe, expect, it } from 'vitest';
import {
  agencyAvailability,
  availabilityMap,
  serviceAvailability,
} from '../../../src/domain/availability';
import type { Agency, Service, Site } from '../../../src/domain/config/schema';
import { agency, localInstant, rule, service, site } from '../../fixtures/catalogue';
import { visitFixture } from '../../fixtures/config';
import { kioskBundle, withMobileUnit } from '../../fixtures/kiosk';

const MONDAY_10 = localInstant('2024-10-14T10:00');
const MONDAY_16 = localInstant('2024-10-14T16:00');
const HOLIDAY_SITE = site({ holidays: ['2024-10-14'] });

type Overrides = { site?: Site; agency?: Agency; service?: Service; now?: number };

function check(
  o: Overrides & { issuedToday?: number; place?: 'lobby' | 'mobile'; quotaOverride?: number },
) {
  const svc = o.service ?? service('paspor-baru', { dailyQuota: 50 });
  return serviceAvailability({
    site: o.site ?? site(),
    agency: o.agency ?? agency('imigrasi', { services: [svc] }),
    service: svc,
    now: o.now ?? MONDAY_10,
    issuedToday: o.issuedToday ?? 0,
    place: o.place ?? 'lobby',
    ...(o.quotaOverride !== undefined && { quotaOverride: o.quotaOverride }),
  });
}

describe('serviceAvailability', () => {
  it('is open with the quota left today', () => {
    // Act
    const result = check({ issuedToday: 12 });

    // Assert
    expect(result).toEqual({ state: 'open', remaining: 38 });
  });

  it('is open without a count when the service has no quota', () => {
    // Arrange
    const svc = service('kartu-keluarga');

    // Act
    const result = check({ service: svc, issuedToday: 500 });

    // Assert
    expect(result).toEqual({ state: 'open', remaining: null });
  });

  it('is not offered when marked unavailable, before any other reason', () => {
    // Arrange
    const svc = service('paspor-baru', { available: false, dailyQuota: 1 });

    // Act
    const result = check({ service: svc, site: HOLIDAY_SITE, now: MONDAY_16, issuedToday: 5 });

    // Assert
    expect(result).toEqual({ state: 'closed', reason: 'not-offered' });
  });

  it('is not offered at a place missing from offeredAt', () => {
    // Arrange
    const lobbyOnly = service('paspor-baru', { offeredAt: ['lobby'] });
    const both = service('perpanjangan-sim', { offeredAt: ['lobby', 'mobile'] });

    // Act
    const onMobileUnit = check({ service: lobbyOnly, place: 'mobile' });
    const simOnMobileUnit = check({ service: both, place: 'mobile' });

    // Assert
    expect(onMobileUnit).toEqual({ state: 'closed', reason: 'not-offered' });
    expect(simOnMobileUnit).toEqual({ state: 'open', remaining: null });
  });

  it('is closed for a holiday before checking hours or quota', () => {
    // Act
    const result = check({ site: HOLIDAY_SITE, now: MONDAY_16, issuedToday: 50 });

    // Assert
    expect(result).toEqual({ state: 'closed', reason: 'holiday' });
  });

  it('reads the holiday on the site day, not the UTC day', () => {
    // Arrange: 00.30 WITA on the 15th is still the 14th in UTC.
    const makassar = site({ timeZone: 'Asia/Makassar', holidays: ['2024-10-15'] });
    const now = localInstant('2024-10-15T00:30', 'Asia/Makassar');

    // Act
    const result = check({ site: makassar, now });

    // Assert
    expect(result).toEqual({ state: 'closed', reason: 'holiday' });
  });

  it('is closed for hours before checking the quota', () => {
    // Act
    const result = check({ now: MONDAY_16, issuedToday: 50 });

    // Assert
    expect(result).toEqual({ state: 'closed', reason: 'hours' });
  });

  it('uses service hours over agency hours over site hours', () => {
    // Arrange: site open 08–15; agency only mornings; one service only afternoons.
    const mornings = [rule(['mon'], '08:00', '12:00')];
    const afternoons = [rule(['mon'], '13:00', '15:00')];
    const plain = service('skck');
    const afternoon = service('legalisir', { openingHours: afternoons });
    const polres = agency('polres', { openingHours: mornings, services: [plain, afternoon] });
    const at = (hhmm: string) => localInstant(`2024-10-14T${hhmm}`);

    // Act
    const plainAt10 = check({ agency: polres, service: plain, now: at('10:00') });
    const plainAt14 = check({ agency: polres, service: plain, now: at('14:00') });
    const afternoonAt10 = check({ agency: polres, service: afternoon, now: at('10:00') });
    const afternoonAt14 = check({ agency: polres, service: afternoon, now: at('14:00') });

    // Assert
    expect(plainAt10.state).toBe('open');
    expect(plainAt14).toEqual({ state: 'closed', reason: 'hours' });
    expect(afternoonAt10).toEqual({ state: 'closed', reason: 'hours' });
    expect(afternoonAt14.state).toBe('open');
  });

  it('is exhausted once the quota is reached', () => {
    // Act
    const lastOne = check({ issuedToday: 49 });
    const reached = check({ issuedToday: 50 });

    // Assert
    expect(lastOne).toEqual({ state: 'open', remaining: 1 });
    expect(reached).toEqual({ state: 'quota-exhausted' });
  });

  it('takes a quota override (a mobile visit) over the service quota', () => {
    // Arrange
    const svc = service('perpanjangan-sim', { offeredAt: ['mobile'], dailyQuota: 100 });

    // Act
    const result = check({ service: svc, place: 'mobile', quotaOverride: 30, issuedToday: 30 });
    const without = check({ service: svc, place: 'mobile', issuedToday: 30 });

    // Assert
    expect(result).toEqual({ state: 'quota-exhausted' });
    expect(without).toEqual({ state: 'open', remaining: 70 });
  });
});

describe('agencyAvailability', () => {
  const quota = (n: number) => service(`quota-${n}`, { dailyQuota: n });
  const issued = (counts: Record<string, number>) => (id: string) => counts[id] ?? 0;

  it('is open when any service is open, summing the quota left', () => {
    // Arrange
    const imigrasi = agency('imigrasi', { services: [quota(10), quota(20)] });

    // Act
    const result = agencyAvailability({
      site: site(),
      agency: imigrasi,
      now: MONDAY_10,
      issuedToday: issued({ 'quota-10': 10, 'quota-20': 5 }),
      place: 'lobby',
    });

    // Assert
    expect(result).toEqual({ state: 'open', remaining: 15 });
  });

  it('has no count when an open service has no quota', () => {
    // Arrange
    const dukcapil = agency('dukcapil', { services: [quota(10), service('kartu-keluarga')] });

    // Act
    const result = agencyAvailability({
      site: site(),
      agency: dukcapil,
      now: MONDAY_10,
      issuedToday: issued({}),
      place: 'lobby',
    });

    // Assert
    expect(result).toEqual({ state: 'open', remaining: null });
  });

  it('prefers quota-exhausted over hours and not-offered when nothing is open', () => {
    // Arrange
    const closedEarly = service('pagi', { openingHours: [rule(['mon'], '08:00', '09:00')] });
    const hidden = service('tidak-tersedia', { available: false });
    const imigrasi = agency('imigrasi', { services: [hidden, closedEarly, quota(10)] });

    // Act
    const result = agencyAvailability({
      site: site(),
      agency: imigrasi,
      now: MONDAY_10,
      issuedToday: issued({ 'quota-10': 10 }),
      place: 'lobby',
    });

    // Assert
    expect(result).toEqual({ state: 'quota-exhausted' });
  });

  it('says hours over not-offered, and holiday over not-offered', () => {
    // Arrange
    const polres = agency('polres', {
      services: [service('lobi-saja'), service('keliling', { offeredAt: ['mobile'] })],
    });
    const input = { agency: polres, issuedToday: issued({}), place: 'mobile' as const };

    // Act
    const evening = agencyAvailability({ ...input, site: site(), now: MONDAY_16 });
    const holiday = agencyAvailability({ ...input, site: HOLIDAY_SITE, now: MONDAY_10 });

    // Assert
    expect(evening).toEqual({ state: 'closed', reason: 'hours' });
    expect(holiday).toEqual({ state: 'closed', reason: 'holiday' });
  });

  it('is not offered when no service is offered at the place', () => {
    // Arrange
    const imigrasi = agency('imigrasi', { services: [service('paspor-baru')] });

    // Act
    const result = agencyAvailability({
      site: site(),
      agency: imigrasi,
      now: MONDAY_10,
      issuedToday: issued({}),
      place: 'mobile',
    });

    // Assert
    expect(result).toEqual({ state: 'closed', reason: 'not-offered' });
  });
});

describe('availabilityMap', () => {
  const ktp = 'disdukcapil-ktp-el-cetak-ulang';
  const config = withMobileUnit(
    kioskBundle({
      visits: [
        visitFixture({ id: 'v', date: '2025-11-03', services: [{ service: ktp, quota: 3 }] }),
      ],
    }),
  );
  const unit = { surface: 'mobile' } as const;
  const lobby = { surface: 'kiosk' } as const;
  const noon = localInstant('2025-11-03T10:00');

  it('offers a mobile unit its visit’s services alone, with the visit’s quota', () => {
    const map = availabilityMap(config, () => 1, '2025-11-03', noon, unit);

    expect(map[ktp]).toEqual({ state: 'open', remaining: 2 });
    expect(map['disdukcapil-kk-perubahan']).toEqual({ state: 'closed', reason: 'not-offered' });
  });

  it('leaves the lobby its own quota and services on the visit’s day', () => {
    const map = availabilityMap(config, () => 1, '2025-11-03', noon, lobby);

    expect(map[ktp]).toEqual({ state: 'open', remaining: null });
    expect(map['disdukcapil-kk-perubahan']?.state).toBe('open');
  });
});
