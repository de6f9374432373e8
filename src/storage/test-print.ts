/** The last test print an admin asked of the device, and how it went (beside the log). */
import type { AnjunganDatabase, TestPrintRecord } from './db';

/** The last asked test print's outcome, or null when none was asked of this device. */
export async function readTestPrint(db: AnjunganDatabase): Promise<TestPrintRecord | null> {
  return ((await db.get('meta', 'test-print')) as TestPrintRecord | undefined) ?? null;
}

/** Keeps how the asked test print went (before it is reported: it prints once). */
export async function saveTestPrint(db: AnjunganDatabase, record: TestPrintRecord): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  await tx.store.put(record, 'test-print');
  await tx.done;
}
