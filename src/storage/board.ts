/** What a lobby board remembers across reloads: the newest call it has announced. */
import type { AnjunganDatabase, Announced } from './db';

/** The HLC of the newest call announced here; '' before the first. */
export async function readAnnounced(db: AnjunganDatabase): Promise<string> {
  return ((await db.get('meta', 'announced')) as Announced | undefined)?.hlc ?? '';
}

/** Marks calls up to `hlc` as announced. */
export async function saveAnnounced(db: AnjunganDatabase, hlc: string): Promise<void> {
  await db.put('meta', { hlc }, 'announced');
}
