/**
 * What each event of an accepted push is stored with (src/domain/trust.ts): quarantine as
 * the caller screened it against the config, clock drift from the push's arrival, and the
 * numbering flags of ./ticket-numbers.ts; and the counts each push is answered with.
 * Must: decided once, when an event is first stored, from what was stored before it.
 */
import { isEventOf } from '../../domain/events';
import { decodeHlc } from '../../domain/hlc';
import type { FlagReason, QuarantineReason } from '../../domain/trust';
import type { Accepted, DeviceState } from './push-batch';
import type { PushOutcome } from './records';
import type { SqlTx } from './sql';
import { checkBookings, checkNumbers, type PushedTicket } from './ticket-numbers';

/** What an event is stored with besides itself. */
export type Verdict = {
  driftMs: number;
  flags: FlagReason[];
  quarantine: readonly QuarantineReason[];
};

/** The answer to an accepted push: its counts of stored, flagged and quarantined events. */
export function outcome(c: Accepted, verdicts: Map<string, Verdict>, head: number): PushOutcome {
  let flagged = 0;
  let quarantined = 0;
  for (const event of c.events) {
    const verdict = verdicts.get(event.id);
    if ((verdict?.quarantine.length ?? 0) > 0) quarantined += 1;
    else if ((verdict?.flags.length ?? 0) > 0) flagged += 1;
  }
  return { kind: 'ok', ackSeq: c.ackSeq, accepted: c.events.length, flagged, quarantined, head };
}

/**
 * Each event's drift, flags and quarantine (src/domain/trust.ts): quarantine as the
 * caller screened it against the config, clock drift from the push's arrival, numbering
 * flags against the leases and the numbers printed so far; records the new numbers.
 */
export async function judge(
  tx: SqlTx,
  siteId: string,
  toStore: Accepted[],
  devices: Map<string, DeviceState>,
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const tickets: PushedTicket[] = [];
  for (const { input, events } of toStore) {
    const tag = devices.get(input.deviceId)?.tag ?? '';
    for (const event of events) {
      const driftMs = (decodeHlc(event.hlc)?.ms ?? input.receivedAt) - input.receivedAt;
      const flags: FlagReason[] = driftMs > input.maxDriftMs ? ['clock_ahead'] : [];
      const quarantine = input.quarantined?.get(event.id) ?? [];
      verdicts.set(event.id, { driftMs, flags, quarantine });
      if (quarantine.length === 0 && isEventOf(event, 'ticket.issued')) {
        tickets.push({ event, deviceTag: tag });
      }
    }
  }
  if (tickets.length === 0) return verdicts;
  for (const [id, flags] of await checkNumbers(tx, siteId, tickets)) {
    verdicts.get(id)?.flags.push(...flags);
  }
  for (const id of await checkBookings(tx, siteId, tickets)) {
    verdicts.get(id)?.flags.push('duplicate_booking');
  }
  return verdicts;
}
