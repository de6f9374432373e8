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
  const fetched = await fetchBody(fetcher, knownVersion);
  if (!fetched.ok) return fetched;
  const { validateBundle } = await import('../domain/config/validate');
  const checked = validateBundle(fetched.body);
  return checked.ok ? checked : { ok: false, reason: 'invalid', issues: checked.issues };
}

/**
 * The server's config as it came, unchecked, or null: for a citizen's phone page, which
 * keeps nothing and shows a few names of the server that serves it (as it shows the
 * ticket's status), so the validator stays out of its 30 KB. A device uses fetchConfig().
 */
export async function fetchShownConfig(
  fetcher: typeof fetch = fetch,
): Promise<ConfigBundle | null> {
  const fetched = await fetchBody(fetcher);
  if (!fetched.ok) return null;
  // The server serves only a config that passed its checks; what is not even shaped like
  // one (a proxy's answer, say) is no config: the page shows its status without names.
  const body = fetched.body as Partial<ConfigBundle> | null;
  const shaped = Array.isArray(body?.agencies) && Array.isArray(body?.site?.languages);
  return shaped ? (body as ConfigBundle) : null;
}

/** The config's JSON, unless it is `knownVersion`; never throws. */
async function fetchBody(
  fetcher: typeof fetch,
  knownVersion?: string,
): Promise<{ ok: true; body: unknown } | { ok: false; reason: 'network' | 'unchanged' }> {
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
  return { ok: true, body };
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
