/**
 * What the server holds for this device, followed (PullResponse.device): a profile an
 * admin set, and a test print an admin asked for. Loaded by the sync (./kiosk/sync.tsx)
 * only when the server asks something new — never on a citizen's way to a ticket.
 * The identity has one owner, its record in the log (src/storage/device.ts): a new profile
 * is written there and the page restarts at the surface's next idle moment, as an app
 * update does, so every part starts from the one record (a new surface lands on the route's
 * "not mine" screen). Offline nothing is heard and the old profile stays.
 * Must: a test print prints once per ask (`askedAt`), only while no citizen is mid-flow,
 * and its outcome is kept before it is reported.
 */
import type { ConfigBundle } from '../domain/config/schema';
import type { DeviceOrders } from '../domain/protocol';
import type { PrintOutcome } from '../printing/printer';
import { testSlipDocument } from '../printing/test-slip';
import type { AnjunganDatabase, TestPrintRecord } from '../storage/db';
import { readIdentity, saveIdentity } from '../storage/device';
import { readTestPrint, saveTestPrint } from '../storage/test-print';
import { profileFor } from './kiosk/boot';
import { printerLink } from './printer-link';
import { isIdleNow, restartWhenIdle } from './sw-update';

export type DeviceOrdersDeps = {
  db: AnjunganDatabase;
  config: () => ConfigBundle;
  now: () => number;
  /** Sends the health report now (it carries the test print's outcome). */
  report: () => void;
  /** Prints the slip; the profile's printer unless a test replaces it. */
  print?: (
    profile: ReturnType<typeof profileFor>,
    slip: ReturnType<typeof testSlipDocument>,
  ) => Promise<PrintOutcome>;
};

let busy = false;

/** Follows the server's word on this device; a call while one runs is dropped (pulls repeat it). */
export async function followOrders(deps: DeviceOrdersDeps, orders: DeviceOrders): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    const identity = await readIdentity(deps.db);
    if (!identity) return;
    const config = deps.config();
    // A profile the device's config does not hold yet waits for the config's next update.
    if (
      orders.profileId !== identity.profileId &&
      config.profiles.some((p) => p.id === orders.profileId)
    ) {
      await saveIdentity(deps.db, { ...identity, profileId: orders.profileId });
      restartWhenIdle();
      return;
    }
    if (orders.testPrintAt !== null) {
      await testPrint(deps, orders.testPrintAt, identity.name, profileFor(config, identity));
    }
  } finally {
    busy = false;
  }
}

async function testPrint(
  deps: DeviceOrdersDeps,
  askedAt: number,
  name: string,
  profile: ReturnType<typeof profileFor>,
): Promise<void> {
  // Printed already (the report did not reach the server): report again, print never twice.
  if ((await readTestPrint(deps.db))?.askedAt === askedAt) return deps.report();
  // A citizen mid-flow: the next pull asks again.
  if (!isIdleNow()) return;
  const slip = testSlipDocument(deps.config(), { name }, profile, deps.now());
  const print = deps.print ?? ((p, doc) => printerLink(p).print(doc));
  const outcome: Omit<TestPrintRecord, 'askedAt' | 'at'> =
    profile.printer.kind === 'none'
      ? { outcome: 'no_printer', reason: null }
      : outcomeOf(await print(profile, slip));
  await saveTestPrint(deps.db, { askedAt, ...outcome, at: deps.now() });
  deps.report();
}

function outcomeOf(printed: PrintOutcome): Omit<TestPrintRecord, 'askedAt' | 'at'> {
  if (printed.ok) return { outcome: 'printed', reason: null };
  return { outcome: 'failed', reason: `${printed.reason}: ${printed.detail}`.slice(0, 200) };
}
