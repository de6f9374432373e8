/**
 * Personal data a citizen consented to give at this kiosk (src/domain/personal-data.ts),
 * kept until the server has it: the only owner of the 'personal' record in `meta`, never
 * the event log. An entry whose ticket never came (the citizen left before it) is dropped
 * after a day; one sent is dropped at once.
 */
import type { KioskEvent } from '../domain/events';
import type { PersonalEntry } from '../domain/personal-data';
import type { AnjunganDatabase } from './db';

/** How long an entry waits for its ticket before it is dropped. */
export const UNTICKETED_MS = 86_400_000;

type Outbox = PersonalEntry[];

async function read(db: AnjunganDatabase): Promise<Outbox> {
  return ((await db.get('meta', 'personal')) as Outbox | undefined) ?? [];
}

/** Keeps an entry until it is sent. */
export async function keepPersonal(db: AnjunganDatabase, entry: PersonalEntry): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  const kept = ((await tx.store.get('personal')) as Outbox | undefined) ?? [];
  await tx.store.put([...kept.filter((e) => e.ref !== entry.ref), entry], 'personal');
  await tx.done;
}

/**
 * The entries to send now: those whose ticket is in the log (`ticketed`). Drops those
 * that waited longer than UNTICKETED_MS for one.
 */
export async function personalToSend(
  db: AnjunganDatabase,
  ticketed: (ref: string) => boolean,
  now: number,
): Promise<PersonalEntry[]> {
  const kept = await read(db);
  const stale = kept.filter((e) => !ticketed(e.ref) && now - e.consentedAt > UNTICKETED_MS);
  if (stale.length > 0)
    await forgetPersonal(
      db,
      stale.map((e) => e.ref),
    );
  return kept.filter((e) => ticketed(e.ref));
}

/** Forgets the entries the server has (or that waited too long). */
export async function forgetPersonal(db: AnjunganDatabase, refs: readonly string[]): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  const kept = ((await tx.store.get('personal')) as Outbox | undefined) ?? [];
  await tx.store.put(
    kept.filter((e) => !refs.includes(e.ref)),
    'personal',
  );
  await tx.done;
}

/** The personal references of the tickets of `day` in the log. */
export async function ticketedRefs(db: AnjunganDatabase, day: string): Promise<Set<string>> {
  const range = IDBKeyRange.bound(['ticket.issued', day, ''], ['ticket.issued', day, '\uffff']);
  const events = (await db.getAllFromIndex(
    'events',
    'byTypeDayService',
    range,
  )) as KioskEvent<'ticket.issued'>[];
  return new Set(events.flatMap((e) => (e.data.personalRef ? [e.data.personalRef] : [])));
}
