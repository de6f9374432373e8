/**
 * Fetching the site config. Must: a device never replaces its last good config with one
 * that fails validation — a bad config is reported and ignored. The validator is loaded
 * only when a new version actually arrives, so a kiosk in its daily routine never
 * downloads it.
 */
import type { ConfigBundle } from '../domain/config/schema';
import type { ConfigIssue } from '../domain/config/validate';
import type { AnjunganDatabase } from '../storage/db';
import { readCachedConfig, saveCachedConfig } from '../storage/device';

export const CONFIG_URL = '/api/v1/config';

export type FetchedConfig =
  | { ok: true; bundle: ConfigBundle }
  | { ok: false; reason: 'network' | 'unchanged' }
  | { ok: false; reason: 'invalid'; issues: ConfigIssue[] };

/** Fetches and validates the server's config unless it is `knownVersion`; never throws. */
export async function fetchConfig(
  fetcher: typeof fetch = fetch,
  knownVersion?: string,
): Promise<FetchedConfig> {
  let body: unknown;
  try {
    const headers: Record<string, string> = knownVersion
      ? { 'If-None-Match': `"${knownVersion}"` }
      : {};
    const response = await fetcher(CONFIG_URL, { cache: 'no-cache', headers });
    if (response.status === 304) return { ok: false, reason: 'unchanged' };
    if (!response.ok) return { ok: false, reason: 'network' };
    body = await response.json();
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (knownVersion && (body as { version?: unknown } | null)?.version === knownVersion) {
    return { ok: false, reason: 'unchanged' };
  }
  const { validateBundle } = await import('../domain/config/validate');
  const checked = validateBundle(body);
  return checked.ok ? checked : { ok: false, reason: 'invalid', issues: checked.issues };
}

/**
 * Brings the cached config up to date. Returns the config to use now and whether it
 * changed; an unreachable server or an invalid config leaves the cache as it was.
 */
export async function refreshConfig(
  db: AnjunganDatabase,
  now: number,
  fetcher: typeof fetch = fetch,
): Promise<{ config: ConfigBundle | null; changed: boolean; rejected?: ConfigIssue[] }> {
  const cached = (await readCachedConfig(db))?.bundle ?? null;
  const fetched = await fetchConfig(fetcher, cached?.version);
  if (!fetched.ok) {
    if (fetched.reason === 'invalid') {
      console.warn('Konfigurasi dari server tidak valid; konfigurasi lama tetap dipakai.');
      return { config: cached, changed: false, rejected: fetched.issues };
    }
    return { config: cached, changed: false };
  }
  await saveCachedConfig(db, fetched.bundle, now);
  return { config: fetched.bundle, changed: true };
}
