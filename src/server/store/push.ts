/**
 * Push (ARCHITECTURE.md §4), in batches: one transaction stores one or more pushes of a
 * site (./push-batch.ts). On PostgreSQL the pushes that arrive while a batch is being
 * stored wait and form the next one: a batch costs about as many statements as one push
 * did, so under load the database does less per event, not more. On SQLite, whose group
 * commit already shares one COMMIT among the transactions asked for at once, each push is
 * a batch of one.
 * Must: each push keeps its own outcome — a refused or replayed push changes nothing,
 * whatever the others in its batch do, and a batch the database refuses is tried again
 * push by push; nothing resolves before the commit that holds it.
 */
import { StoreError } from './errors';
import { pushBatch } from './push-batch';
import type { PushInput, PushOutcome } from './records';
import { retryOnUniqueViolation, type SqlDb } from './sql';

/**
 * The most events one batch takes (it always takes at least one push, of at most 500 by
 * the protocol): bounds the statements' parameters and how long a batch holds the locks.
 */
const MAX_BATCH_EVENTS = 1000;

/** A push waiting for its batch. */
type Waiting = {
  input: PushInput;
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
};

/**
 * The push of one store. On a database that commits concurrent transactions together by
 * itself (`groupsCommits`: SQLite), each push goes straight to it; measured there,
 * queueing pushes into batches gave fewer events/s, not more. Elsewhere (PostgreSQL) the
 * pushes of a site are batched as the module comment says.
 */
export function batchedPush(db: SqlDb): (input: PushInput) => Promise<PushOutcome> {
  if (db.groupsCommits) {
    return (input) =>
      new Promise<PushOutcome>((resolve, reject) => {
        assertOwnEvents(input);
        void storeBatch(db, [{ input, resolve, reject }]);
      });
  }
  const queues = new Map<string, Waiting[]>();
  const drain = async (siteId: string, queue: Waiting[]) => {
    while (queue.length > 0) await storeBatch(db, takeBatch(queue));
    queues.delete(siteId);
  };
  return (input) =>
    new Promise<PushOutcome>((resolve, reject) => {
      assertOwnEvents(input);
      const queue = queues.get(input.siteId);
      if (queue !== undefined) {
        queue.push({ input, resolve, reject });
        return;
      }
      const fresh = [{ input, resolve, reject }];
      queues.set(input.siteId, fresh);
      void drain(input.siteId, fresh);
    });
}

function assertOwnEvents(input: PushInput): void {
  const foreign = input.events.find(
    (event) => event.deviceId !== input.deviceId || event.siteId !== input.siteId,
  );
  if (foreign !== undefined) {
    throw new StoreError('foreign_event', `Event ${foreign.id} is not of the pushing device`);
  }
}

/** The first waiting pushes, in arrival order, up to MAX_BATCH_EVENTS (at least one). */
function takeBatch(queue: Waiting[]): Waiting[] {
  let count = 0;
  let n = 0;
  while (n < queue.length) {
    count += (queue[n] as Waiting).input.events.length;
    if (n > 0 && count > MAX_BATCH_EVENTS) break;
    n++;
  }
  return queue.splice(0, n);
}

/** Stores a batch and settles each of its pushes; never throws. */
async function storeBatch(db: SqlDb, batch: Waiting[]): Promise<void> {
  try {
    // A concurrent push of the same event id through another connection can only surface
    // as a unique violation on PostgreSQL; the retry then reports it as a conflict.
    const inputs = batch.map((waiting) => waiting.input);
    const outcomes = await retryOnUniqueViolation(db, () =>
      db.transaction((tx) => pushBatch(tx, inputs)),
    );
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i] as PushOutcome | StoreError;
      if (outcome instanceof StoreError) waiting.reject(outcome);
      else waiting.resolve(outcome);
    });
  } catch (error) {
    if (batch.length === 1) {
      (batch[0] as Waiting).reject(error);
      return;
    }
    // Nothing of the batch was stored. The database refused something, maybe of one push
    // only: each is tried alone, so no push fails for another's sake.
    for (const waiting of batch) await storeBatch(db, [waiting]);
  }
}
