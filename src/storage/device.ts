/** The device's identity and cached configuration. */
import type { ConfigBundle } from '../domain/config/schema';
import type { AnjunganDatabase, CachedConfig, DeviceIdentity } from './db';

/** Reads this device's identity; null before set-up. */
export async function readIdentity(db: AnjunganDatabase): Promise<DeviceIdentity | null> {
  return ((await db.get('meta', 'device')) as DeviceIdentity | undefined) ?? null;
}

/** Stores this device's identity (set-up). */
export async function saveIdentity(db: AnjunganDatabase, identity: DeviceIdentity): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  await tx.store.put(identity, 'device');
  await tx.done;
}

/** Reads the last good config; null when none was ever stored. */
export async function readCachedConfig(db: AnjunganDatabase): Promise<CachedConfig | null> {
  return (await db.get('config', 'current')) ?? null;
}

/** Stores a config that has already been validated; callers must never pass an unchecked one. */
export async function saveCachedConfig(
  db: AnjunganDatabase,
  bundle: ConfigBundle,
  storedAt: number,
): Promise<void> {
  const tx = db.transaction('config', 'readwrite', { durability: 'strict' });
  await tx.store.put({ bundle, storedAt }, 'current');
  await tx.done;
}

/** True when the device can write durably again (used to leave the out-of-service state). */
export async function probeStorage(db: AnjunganDatabase): Promise<boolean> {
  try {
    const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
    await tx.store.put({ deviceSeq: -1, hlc: null }, 'probe');
    await tx.store.delete('probe');
    await tx.done;
    return true;
  } catch {
    return false;
  }
}
