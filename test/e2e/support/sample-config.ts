/**
 * The sample site of kiosk-config, made independent of the clock: every service open
 * every day, no holidays. Browser tests run at any hour; the flow must not depend on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

function readFolder<T>(folder: string): T[] {
  const dir = join(ROOT, 'kiosk-config', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson<T>(join(dir, f)));
}

/** The sample MPP, always open. */
export function alwaysOpenSample(): ConfigBundle {
  const site = readJson<Site>(join(ROOT, 'kiosk-config', 'site.json'));
  const agencies = readFolder<Agency>('agencies').map(({ openingHours: _h, ...agency }) => ({
    ...agency,
    services: agency.services.map(({ openingHours: _s, ...service }) => service),
  }));
  return {
    version: 'e2e',
    site: { ...site, openingHours: ALL_DAY, holidays: [] },
    agencies,
    profiles: readFolder<Profile>('profiles'),
    visits: readFolder<Visit>('visits'),
  };
}
