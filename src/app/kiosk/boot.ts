/**
 * Booting a kiosk: open the log, ask for persistent storage, find out who this device
 * is and which config it runs. Must: start from the cached config without waiting for
 * the network, so an offline start is as fast as an online one.
 */

import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { emergencyTagForSlot } from '../../domain/numbering';
import { type AnjunganDatabase, type DeviceIdentity, openAnjunganDb } from '../../storage/db';
import { readCachedConfig, readIdentity, saveIdentity } from '../../storage/device';
import { newId } from '../../storage/ids';
import { refreshConfig } from '../config-sync';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'storage-failed' }
  | { phase: 'waiting-config' }
  | { phase: 'setup'; db: AnjunganDatabase; config: ConfigBundle; error?: string }
  | {
      phase: 'ready';
      db: AnjunganDatabase;
      identity: DeviceIdentity;
      config: ConfigBundle;
      profile: Profile;
    };

/** Boots as far as it can; call again after set-up or when a config arrives. */
export async function bootKiosk(): Promise<BootState> {
  let db: AnjunganDatabase;
  try {
    db = await openAnjunganDb();
  } catch {
    return { phase: 'storage-failed' };
  }
  void requestPersistence();
  const config =
    (await readCachedConfig(db))?.bundle ?? (await refreshConfig(db, Date.now())).config;
  if (!config) return { phase: 'waiting-config' };
  const identity = await readIdentity(db);
  if (!identity) return { phase: 'setup', db, config };
  return { phase: 'ready', db, identity, config, profile: profileFor(config, identity) };
}

/** The device's profile, or the first kiosk profile if its own was removed from the config. */
export function profileFor(config: ConfigBundle, identity: DeviceIdentity): Profile {
  const own = config.profiles.find((p) => p.id === identity.profileId);
  const fallback = config.profiles.find((p) => p.surface === 'kiosk') ?? config.profiles[0];
  const profile = own ?? fallback;
  if (!profile) throw new Error('config has no profile');
  return profile;
}

/** Set-up: gives the device its identity and number range, once. */
export async function setUpDevice(
  db: AnjunganDatabase,
  config: ConfigBundle,
  input: { name: string; profileId: string; slot: number },
): Promise<void> {
  await saveIdentity(db, {
    deviceId: newId(),
    siteId: config.site.id,
    name: input.name,
    profileId: input.profileId,
    slot: input.slot,
    emergencyTag: emergencyTagForSlot(input.slot),
    createdAt: Date.now(),
  });
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
