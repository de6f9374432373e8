/**
 * The kiosk's log, opened before the app's code has loaded. On a cold start the device
 * waits tens of ms for IndexedDB to open; begun by a script in the shell's HTML
 * (index.html), that wait runs while the app's modules are fetched and evaluated. The
 * script opens only a log that exists at the current version (`DB_VERSION`, written there
 * by hand and checked by test/integration/storage/early-open.test.ts): one to create or
 * upgrade is left to `openAnjunganDb`, and the script aborts the upgrade, so it creates
 * and changes nothing. On the log it opened, the script also makes the boot's first reads
 * (the cached config, the device's identity), so they too run while the code loads.
 */
import type { CachedConfig, DeviceIdentity } from './db';

/** Where the HTML's script leaves its open: a promise of the database, or of null. */
const EARLY_OPEN = '__anjunganLog';

/**
 * The log the HTML's script opened, taken once (a later boot opens its own); null when the
 * script did not run or could not open it as is.
 */
export function takeEarlyOpen(): Promise<IDBDatabase | null> {
  const scope = globalThis as { [EARLY_OPEN]?: Promise<IDBDatabase | null> };
  const early = scope[EARLY_OPEN] ?? Promise.resolve(null);
  delete scope[EARLY_OPEN];
  return early;
}

/** Where the HTML's script leaves the boot's reads: a promise of [config, device], or null. */
const EARLY_READS = '__anjunganBoot';

/** The cached config and the device's identity, as stored (null: none stored). */
export type BootReads = [config: CachedConfig | null, identity: DeviceIdentity | null];

/**
 * The boot's reads the HTML's script made on the log it opened, taken once; null when it
 * made none (no early open, or already taken). Take them after `takeEarlyOpen` resolved.
 */
export async function takeEarlyReads(): Promise<BootReads | null> {
  const scope = globalThis as { [EARLY_READS]?: Promise<[unknown, unknown] | null> };
  const early = scope[EARLY_READS];
  delete scope[EARLY_READS];
  const reads = early ? await early : null;
  if (!reads) return null;
  return [
    (reads[0] as CachedConfig | undefined) ?? null,
    (reads[1] as DeviceIdentity | undefined) ?? null,
  ];
}
