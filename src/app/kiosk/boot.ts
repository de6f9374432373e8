/**
 * Booting a kiosk: open the log, ask for persistent storage, find out who this device
 * is and which config it runs. Must: start from the cached config without waiting for
 * the network, so an offline start is as fast as an online one.
 */

import { wrap } from 'idb';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import {
  type AnjunganDatabase,
  type DeviceIdentity,
  isEnrolled,
  openAnjunganDb,
} from '../../storage/db';
import { readCachedConfig, readIdentity } from '../../storage/device';
import { takeEarlyOpen, takeEarlyReads } from '../../storage/early-open';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'storage-failed' }
  | { phase: 'waiting-config' }
  | {
      phase: 'setup';
      db: AnjunganDatabase;
      config: ConfigBundle;
      /** A device from before enrollment keeps its id (its log continues). */
      previous: DeviceIdentity | null;
    }
  | {
      phase: 'ready';
      db: AnjunganDatabase;
      identity: DeviceIdentity;
      config: ConfigBundle;
      profile: Profile;
    };

/** Boots as far as it can; call again after enrollment or when a config arrives. */
export async function bootKiosk(): Promise<BootState> {
  let db: AnjunganDatabase;
  try {
    db = await openLog();
  } catch {
    return { phase: 'storage-failed' };
  }
  void requestPersistence();
  // Made by the HTML's script while the code loaded; else both reads at once here (on a
  // cold start each IndexedDB round trip is tens of ms).
  const [cached, identity] =
    (await takeEarlyReads()) ?? (await Promise.all([readCachedConfig(db), readIdentity(db)]));
  const config = cached?.bundle ?? (await firstConfig(db));
  if (!config) return { phase: 'waiting-config' };
  if (!identity || !isEnrolled(identity)) return { phase: 'setup', db, config, previous: identity };
  return { phase: 'ready', db, identity, config, profile: profileFor(config, identity) };
}

/** The log, as the page's HTML opened it (../../storage/early-open.ts), else opened here. */
async function openLog(): Promise<AnjunganDatabase> {
  const early = await takeEarlyOpen();
  return early ? (wrap(early) as AnjunganDatabase) : openAnjunganDb();
}

/** A device's first config, from the server (its code loads only on a device without one). */
async function firstConfig(db: AnjunganDatabase): Promise<ConfigBundle | null> {
  try {
    const { refreshConfig } = await import('../config-sync');
    return (await refreshConfig(db, Date.now())).config;
  } catch {
    return null;
  }
}

/** The device's profile, or the first kiosk profile if its own was removed from the config. */
export function profileFor(config: ConfigBundle, identity: DeviceIdentity): Profile {
  const own = config.profiles.find((p) => p.id === identity.profileId);
  const fallback = config.profiles.find((p) => p.surface === 'kiosk') ?? config.profiles[0];
  const profile = own ?? fallback;
  if (!profile) throw new Error('config has no profile');
  return profile;
}

/** Asks the browser not to evict the log under storage pressure. */
async function requestPersistence(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
