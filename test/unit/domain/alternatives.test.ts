import { describe, expect, it } from 'vitest';
import { alternativesFor, nextOpening, nextVisitWith } from '../../../src/domain/alternatives';
import type { Visit } from '../../../src/domain/config/schema';
import { agency, localInstant, rule, service, site, WEEKDAY_HOURS } from '../../fixtures/catalogue';
import { kioskBundle } from '../../fixtures/kiosk';

const visit = (id: string, date: string, services: string[], until?: string): Visit => ({
  id,
  date,
  ...(until ? { until } : {}),
  kelurahan: id,
  place: 'Balai',
  hours: { from: '08:00', to: '12:00' },
  services: services.map((s) => ({ service: s, quota: 10 })),
});

describe('nextOpening', () => {
  it('is later today before opening and between the Friday intervals', () => {
    // 2026-12-03 is a Thursday, 2026-12-04 a Friday.
    expect(nextOpening(WEEKDAY_HOURS, localInstant('2026-12-03T06:30'), 'Asia/Jakarta')).toEqual({
      day: '2026-12-03',
      from: '08:00',
      to: '15:00',
      today: true,
    });
    expect(nextOpening(WEEKDAY_HOURS, localInstant('2026-12-04T12:00'), 'Asia/Jakarta')).toEqual({
      day: '2026-12-04',
      from: '13:00',
      to: '15:00',
      today: true,
    });
  });

  it('is the next open day after closing, over a weekend and a holiday', () => {
    expect(nextOpening(WEEKDAY_HOURS, localInstant('2026-12-04T16:00'), 'Asia/Jakarta')).toEqual({
      day: '2026-12-07',
      from: '08:00',
      to: '15:00',
      today: false,
    });
    const holidays = ['2026-12-07'];
    expect(
      nextOpening(WEEKDAY_HOURS, localInstant('2026-12-05T10:00'), 'Asia/Jakarta', holidays)?.day,
    ).toBe('2026-12-08');
  });

  it('skips today on a holiday or when asked (a spent quota), and is null with no open day', () => {
    const early = localInstant('2026-12-03T06:30');
    expect(nextOpening(WEEKDAY_HOURS, early, 'Asia/Jakarta', ['2026-12-03'])?.day).toBe(
      '2026-12-04',
    );
    expect(nextOpening(WEEKDAY_HOURS, early, 'Asia/Jakarta', [], true)?.day).toBe('2026-12-04');
    expect(nextOpening([], early, 'Asia/Jakarta')).toBeNull();
    expect(nextOpening([rule(['sun'], '08:00', '09:00')], early, 'Asia/Makassar')?.day).toBe(
      '2026-12-06',
    );
  });
});

describe('nextVisitWith', () => {
  it('finds the first visit not over that carries the service', () => {
    const visits = [
      visit('c', '2026-12-20', ['paspor']),
      visit('a', '2026-12-01', ['paspor']),
      visit('b', '2026-12-10', ['ktp']),
    ];
    expect(nextVisitWith(visits, 'paspor', '2026-12-05')?.id).toBe('c');
    expect(nextVisitWith(visits, 'ktp', '2026-12-11')).toBeUndefined();
  });
});

describe('alternativesFor', () => {
  const passport = service('paspor', {
    onlineChannels: [{ kind: 'app', name: { id: 'M-Paspor' }, address: 'Google Play' }],
  });
  const office = agency('imigrasi', {
    services: [passport, service('lain')],
    onlineChannels: [{ kind: 'web', name: { id: 'Situs' }, address: 'https://contoh.go.id' }],
  });
  const config = kioskBundle({
    site: site({ holidays: [] }),
    agencies: [office],
    visits: [visit('today', '2026-12-03', ['paspor']), visit('later', '2026-12-10', ['paspor'])],
  });
  const base = { config, agency: office, service: passport, place: 'lobby' as const };
  const morning = localInstant('2026-12-03T09:00');

  it('sends a spent quota to another day, the coming visit and the service’s own channels', () => {
    const found = alternativesFor({
      ...base,
      availability: { state: 'quota-exhausted' },
      now: morning,
    });
    expect(found.opening).toEqual({ day: '2026-12-04', from: '08:00', to: '11:30', today: false });
    expect(found.visit?.id).toBe('today');
    expect(found.online.map((c) => c.name.id)).toEqual(['M-Paspor']);
  });

  it('gives no opening for a service not offered here; a mobile unit skips its own day', () => {
    const found = alternativesFor({
      ...base,
      service: office.services[1] ?? passport,
      availability: { state: 'closed', reason: 'not-offered' },
      now: morning,
      place: 'mobile',
    });
    expect(found.opening).toBeNull();
    expect(found.visit).toBeUndefined();
    // The agency's channels for a service that names none.
    expect(found.online.map((c) => c.name.id)).toEqual(['Situs']);
    const mobile = alternativesFor({
      ...base,
      availability: { state: 'quota-exhausted' },
      now: morning,
      place: 'mobile',
    });
    expect(mobile.visit?.id).toBe('later');
  });
});
