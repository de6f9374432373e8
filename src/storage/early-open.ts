/**
 * The kiosk's log, opened before the app's code has loaded. On a cold start the device
 * waits tens of ms for IndexedDB to open; begun by a script in the shell's HTML
 * (index.html), that wait runs while the app's modules are fetched and evaluated. The
 * script opens only a log that exists at the current version (`DB_VERSION`, written there
 * by hand and checked by test/integration/storage/early-open.test.ts): one to create or
 * upgrade is left to `openAnjunganDb`, and the script aborts the upgrade, so it creates
 * and changes nothing.
 */

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
