/**
 * The sample sites (kiosk-config, and the big one in test/fixtures/kiosk-config-besar),
 * made independent of the clock: every service open every day, no holidays. Browser tests
 * run at any hour; the flow must not depend on it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency, ConfigBundle, Profile, Site, Visit } from '../../../src/domain/config/schema';
import { ROOT } from './server';

const ALL_DAY = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Site['openingHours'][number]['days'],
    from: '00:00',
    to: '23:59',
  },
];

function readJson<T>(path: string): T {
  const { $schema: _ignored, ...value } = JSON.parse(readFileSync(path, 'utf8'));
  return value as T;
}

/** The big sample site: 28 agencies, 105 services, agency groups. */
export const BIG_SITE = 'test/fixtures/kiosk-config-besar';

function readFolder<T>(folder: string, site = 'kiosk-config'): T[] {
  const dir = join(ROOT, site, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson<T>(join(dir, f)));
}

/** A sample MPP (kiosk-config unless told), always open. */
export function alwaysOpenSample(dir = 'kiosk-config'): ConfigBundle {
  const site = readJson<Site>(join(ROOT, dir, 'site.json'));
  const agencies = readFolder<Agency>('agencies', dir).map(({ openingHours: _h, ...agency }) => ({
    ...agency,
    services: agency.services.map(({ openingHours: _s, ...service }) => service),
  }));
  return {
    version: 'e2e',
    site: { ...site, openingHours: ALL_DAY, holidays: [] },
    agencies,
    profiles: readFolder<Profile>('profiles', dir),
    visits: readFolder<Visit>('visits', dir),
  };
}
