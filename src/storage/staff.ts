/**
 * The staff a counter device may sign in offline: their PIN verifiers as the server last
 * sent them, and each person's wrong PINs on this device. Bookkeeping, not the log: relaxed
 * durability, except a failure count, which must survive a power cut (it guards a lockout).
 */
import type { StaffVerifier } from '../domain/staff';
import type { AnjunganDatabase, PinFailures, StaffCache, UnreportedSignIns } from './db';

/** Unreported PIN outcomes kept at most; the oldest go first (the device's own count holds). */
export const MAX_UNREPORTED_SIGN_INS = 200;

/** The cached verifiers; empty before the first fetch. */
export async function readStaff(db: AnjunganDatabase): Promise<StaffCache> {
  return ((await db.get('meta', 'staff')) as StaffCache | undefined) ?? { staff: [], fetchedAt: 0 };
}

/** Replaces the cached verifiers with the server's list. */
export async function saveStaff(
  db: AnjunganDatabase,
  staff: StaffVerifier[],
  fetchedAt: number,
): Promise<void> {
  await db.put('meta', { staff, fetchedAt }, 'staff');
}

/** Adds or replaces one person (after they set their PIN here). */
export async function saveOneStaff(db: AnjunganDatabase, person: StaffVerifier): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const cache = ((await tx.store.get('staff')) as StaffCache | undefined) ?? {
    staff: [],
    fetchedAt: 0,
  };
  const staff = [...cache.staff.filter((s) => s.staffId !== person.staffId), person];
  await tx.store.put({ ...cache, staff }, 'staff');
  await tx.done;
}

/** Wrong PINs per person on this device. */
export async function readPinFailures(db: AnjunganDatabase): Promise<PinFailures> {
  return ((await db.get('meta', 'pin-failures')) as PinFailures | undefined) ?? {};
}

/** Changes one person's failure record in one strict transaction. */
export async function updatePinFailures(
  db: AnjunganDatabase,
  staffId: string,
  change: (record: PinFailures[string]) => PinFailures[string] | null,
): Promise<PinFailures[string] | null> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  const all = ((await tx.store.get('pin-failures')) as PinFailures | undefined) ?? {};
  const next = change(all[staffId] ?? { failures: 0, lockouts: 0, lockedUntil: 0 });
  const { [staffId]: _, ...rest } = all;
  await tx.store.put(next === null ? rest : { ...rest, [staffId]: next }, 'pin-failures');
  await tx.done;
  return next;
}

/** The PIN outcomes not reported to the server yet, oldest first. */
export async function readUnreportedSignIns(db: AnjunganDatabase): Promise<UnreportedSignIns> {
  return ((await db.get('meta', 'sign-ins-unreported')) as UnreportedSignIns | undefined) ?? [];
}

/** Keeps one outcome to report later (strict: it guards the site's count, as a failure does). */
export async function keepUnreportedSignIn(
  db: AnjunganDatabase,
  outcome: UnreportedSignIns[number],
): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  const kept = ((await tx.store.get('sign-ins-unreported')) as UnreportedSignIns | undefined) ?? [];
  await tx.store.put([...kept, outcome].slice(-MAX_UNREPORTED_SIGN_INS), 'sign-ins-unreported');
  await tx.done;
}

/** Drops the oldest `count` outcomes once the server has taken them. */
export async function dropReportedSignIns(db: AnjunganDatabase, count: number): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const kept = ((await tx.store.get('sign-ins-unreported')) as UnreportedSignIns | undefined) ?? [];
  await tx.store.put(kept.slice(count), 'sign-ins-unreported');
  await tx.done;
}
