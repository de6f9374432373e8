/**
 * What a chaos run is made of: its commands, the case fast-check generates (./commands.ts)
 * and the world runs (./world.ts), and the site it runs on.
 */
import type { ConfigBundle } from '../../src/domain/config/schema';
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

export type Command =
  | { kind: 'issue'; device: number; service: number; dt: number }
  | { kind: 'sync'; device: number; dt: number }
  | { kind: 'syncPair'; device: number; other: number; dt: number }
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
  | { kind: 'serverRestart'; clean: boolean };

/** One generated run. */
export type ChaosCase = {
  devices: number;
  /** Seed of the per-message choices (network faults, ids, shuffles). */
  seed: number;
  batchSize: number;
  pageSize: number;
  commands: Command[];
};

/** The site config of the runs: the kiosk fixture, with a quota that lasts a few tickets. */
export function chaosConfig(): ConfigBundle {
  const config = kioskBundle();
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      if (service.id === 'imigrasi-paspor-baru') service.dailyQuota = 8;
    }
  }
  return config;
}

/** The most kiosks a run has, those that join included. */
export const MAX_DEVICES = 6;

/** A short description of a command for failure reports. */
export function describeCommand(c: Command): string {
  const { kind, ...rest } = c;
  return `${kind} ${JSON.stringify(rest)}`;
}
