/**
 * The checks at the end of a run, over the whole store: every stored event is one the
 * model saw acknowledged, at its deviceSeq, with exactly the model's flags and quarantine
 * (I1, I2, and the trust verdicts as stored); no two blocks of a (day, prefix) overlap
 * (I8); each printed number of a day is recorded once; then the periodic checks with
 * every day folded (I5) and the public pages of up to 500 tickets; no set-up code or PIN
 * the run sent is in what the server printed.
 */
import { periodicChecks } from './checks-periodic';
import { fault } from './judge';
import type { Model } from './model';
import type { FuzzServer } from './server';
import { GOOD_PINS } from './staff';

type EventRow = {
  id: string;
  device_id: string;
  device_seq: number;
  flags: string;
  quarantined: number;
};

/** The end-of-run checks; throws a Violation at the first broken promise. */
export async function finalChecks(model: Model, server: FuzzServer): Promise<void> {
  await periodicChecks(model, server, true);
  const db = server.db();
  const devices = new Map(model.devices.map((d) => [d.deviceId, d]));
  const rows = await db.all<EventRow>(
    'SELECT id, device_id, device_seq, flags, quarantined FROM events WHERE site_id = ?',
    [model.site.siteId],
  );
  if (rows.length !== model.stored)
    throw fault(`the store holds ${rows.length} events, the model ${model.stored}`);
  for (const row of rows) {
    const device = devices.get(row.device_id);
    if (device?.acked[row.device_seq - 1] !== row.id) {
      throw fault(
        `stored event ${row.id} (${row.device_id} #${row.device_seq}) was never acknowledged`,
      );
    }
    const verdict = model.verdicts.get(row.id) ?? { quarantine: [], flags: [] };
    const want = [...verdict.quarantine, ...verdict.flags].sort().join();
    const got = row.flags === '' ? '' : row.flags.split(',').sort().join();
    if (got !== want || (row.quarantined === 1) !== verdict.quarantine.length > 0) {
      throw fault(
        `stored event ${row.id}: flags '${row.flags}' quarantined ${row.quarantined}, model ${JSON.stringify(verdict)}`,
      );
    }
  }
  const overlaps = await db.all(
    `SELECT business_day, prefix, start_no, prev_end FROM (
       SELECT business_day, prefix, start_no,
         LAG(end_no) OVER (PARTITION BY site_id, business_day, prefix ORDER BY start_no) AS prev_end
       FROM number_leases) AS blocks WHERE prev_end >= start_no`,
  );
  if (overlaps.length > 0)
    throw fault(`I8: overlapping blocks ${JSON.stringify(overlaps.slice(0, 5))}`);
  const [counted] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM ticket_numbers');
  const numbers = counted?.n ?? 0;
  if (numbers !== model.printed.size) {
    throw fault(`the store records ${numbers} printed numbers, the model ${model.printed.size}`);
  }
  const codes = model.staff.flatMap((p) => [...p.spent, ...(p.code === null ? [] : [p.code])]);
  const secrets = [...GOOD_PINS, ...codes, ...codes.map((c) => c.replace('-', ''))];
  const output = server.output();
  const leaked = secrets.find((secret) => output.includes(secret));
  if (leaked !== undefined) throw fault(`the server printed a set-up code or PIN: ${leaked}`);
}
