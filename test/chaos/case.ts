/**
 * What a chaos run is made of: its commands, the case fast-check generates (./commands.ts)
 * and the world runs (./world.ts), and the site it runs on.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { type ConfigBundle, type Profile, ProfileSchema } from '../../src/domain/config/schema';
import { kioskBundle } from '../fixtures/kiosk';
import type { FaultRates } from './network';

/** 08:00 WIB on Monday 2026-11-23. */
export const START_MS = Date.UTC(2026, 10, 23, 1, 0, 0);

export const DAY_MS = 86_400_000;

/** Services the kiosks issue: queue A, queue E, and D with a daily quota. */
export const SERVICES = [
  'disdukcapil-ktp-el-cetak-ulang',
  'bpjs-kesehatan-perubahan-data',
  'imigrasi-paspor-baru',
] as const;

/** What a counter does to a ticket its replica says it holds (the `pick`-th of them). */
export type CounterAction = 'recall' | 'serve' | 'finish' | 'noShow';

export type Command =
  | { kind: 'issue'; device: number; service: number; dt: number }
  /** A queue at the kiosk: `count` tickets in a row, of services `service`, `service`+1, … */
  | { kind: 'rush'; device: number; service: number; count: number; dt: number }
  | { kind: 'sync'; device: number; dt: number }
  | { kind: 'syncPair'; device: number; other: number; dt: number }
  /** One sync of every device, in order (what a calm minute of event streams does). */
  | { kind: 'syncAll'; dt: number }
  | { kind: 'faults'; rates: FaultRates }
  | { kind: 'partition'; device: number }
  | { kind: 'reconnect'; device: number }
  | { kind: 'deliverHeld'; index: number }
  | { kind: 'crashInSync'; device: number; atWrite: number; dt: number }
  | { kind: 'crashInIssue'; device: number; atWrite: number; service: number }
  | { kind: 'restartDevice'; device: number }
  | { kind: 'clockJump'; device: number; ms: number }
  | { kind: 'advance'; ms: number }
  /** A kiosk enrolled now (up to MAX_DEVICES), maybe after a backup the server goes back to. */
  | { kind: 'join' }
  | { kind: 'backup' }
  | { kind: 'restore'; back: number }
  | { kind: 'serverRestart'; clean: boolean }
  // A counter's commands (`counter` counted modulo the counters of the run; none: no-op).
  // Each opens the counter's loket first when its replica shows none open today.
  /** Opens (or reopens) the loket with the `services`-th service set (`serviceSet`). */
  | { kind: 'openLoket'; counter: number; services: number; dt: number }
  /** Pauses or closes the loket. */
  | { kind: 'closeLoket'; counter: number; pause: boolean; dt: number }
  // A call syncs first when `fresh` (as the counter's event stream would have brought the log).
  /** Calls what `nextFor` says on the counter's own replica (mode 'next'). */
  | { kind: 'callNext'; counter: number; fresh: boolean; dt: number }
  /** Calls the `pick`-th waiting (or no-show) ticket of today its replica knows, oldest first. */
  | { kind: 'callSpecific'; counter: number; pick: number; fresh: boolean; dt: number }
  /**
   * A citizen shows the `pick`-th ticket any device committed and staff type its number
   * (src/app/counter/desk-view.ts `findTicket`): called by id when the counter's replica
   * knows it, else by the number's reference id — to be joined when the ticket arrives.
   */
  | { kind: 'callNumber'; counter: number; pick: number; dt: number }
  /**
   * Two counters (`other` counted among the counters but `counter`) call next in one step:
   * the kiosks' tickets reach both (./world.ts `freshen`), then each calls before it has
   * seen the other's call — a double call when their replicas agree on what is next.
   */
  | { kind: 'callBoth'; counter: number; other: number; dt: number }
  | { kind: CounterAction; counter: number; pick: number; dt: number }
  /** Sends the `pick`-th held ticket to the `service`-th service of the site. */
  | { kind: 'transfer'; counter: number; pick: number; service: number; dt: number }
  /** The counter crashes at its `atWrite`-th write while recording a call next. */
  | { kind: 'crashInCall'; counter: number; atWrite: number };

/** One generated run. */
export type ChaosCase = {
  /** Kiosks at the start. */
  devices: number;
  /** Counters (lokets), enrolled after the kiosks; none when absent. */
  counters?: number;
  /** Seed of the per-message choices (network faults, ids, shuffles). */
  seed: number;
  batchSize: number;
  pageSize: number;
  /** MPP bergerak units among the devices (they issue like kiosks, from their visit's stock). */
  mobiles?: number;
  commands: Command[];
};

/**
 * The site config of the runs: the kiosk fixture, with a quota that lasts a few tickets,
 * and the sample config's counter profile (kiosk-config/profiles/loket.json) after the
 * kiosk's (the first profile is the kiosks').
 */
export function chaosConfig(): ConfigBundle {
  const config = kioskBundle();
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      if (service.id === 'imigrasi-paspor-baru') service.dailyQuota = 8;
      if ((SERVICES as readonly string[]).includes(service.id)) {
        service.offeredAt = ['lobby', 'mobile'];
      }
    }
  }
  config.profiles.push(counterProfile());
  const [kiosk] = config.profiles;
  if (kiosk) config.profiles.push({ ...kiosk, id: MOBILE_PROFILE, surface: 'mobile' });
  config.visits.push(CHAOS_VISIT);
  return config;
}

/** The mobile unit's profile id: the kiosks' settings, surface 'mobile'. */
export const MOBILE_PROFILE = 'bergerak';

/**
 * An MPP bergerak visit on the run's first two days, with quotas a rush uses up: the
 * unit stocks both days before it goes offline for whole days (the quotas are the
 * visit's, site-wide: I8 holds them against every device).
 */
export const CHAOS_VISIT = {
  id: 'sukamaju',
  date: '2026-11-23',
  until: '2026-11-24',
  kelurahan: 'Sukamaju',
  place: 'Balai Kelurahan Sukamaju',
  hours: { from: '00:00', to: '23:59' },
  services: [
    { service: 'disdukcapil-ktp-el-cetak-ulang', quota: 6 },
    { service: 'imigrasi-paspor-baru', quota: 5 },
  ],
};

let loket: Profile | null = null;

/** The sample config's counter profile, read once. */
function counterProfile(): Profile {
  loket ??= v.parse(
    ProfileSchema,
    JSON.parse(
      readFileSync(new URL('../../kiosk-config/profiles/loket.json', import.meta.url), 'utf8'),
    ),
  );
  if (loket.surface !== 'counter')
    throw new Error('kiosk-config/profiles/loket.json: not a counter');
  return structuredClone(loket);
}

/** Every service of the site, in config order (where a transfer sends a ticket). */
export function allServiceIds(config: ConfigBundle): string[] {
  return config.agencies.flatMap((a) => a.services.map((s) => s.id));
}

/**
 * What a loket opens with: every service of the site (most often), the kiosks' three,
 * or one or two of them — so lokets that share services call the same tickets.
 */
export function serviceSet(config: ConfigBundle, n: number): string[] {
  const sets = [allServiceIds(config), [...SERVICES], [SERVICES[0]], [SERVICES[1], SERVICES[2]]];
  return sets[n % sets.length] ?? allServiceIds(config);
}

/** The most kiosks a run has, those that join included. */
export const MAX_DEVICES = 6;

/** A short description of a command for failure reports. */
export function describeCommand(c: Command): string {
  const { kind, ...rest } = c;
  return `${kind} ${JSON.stringify(rest)}`;
}
