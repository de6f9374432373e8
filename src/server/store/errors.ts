/**
 * What the store throws when a caller breaks its contract (as opposed to the outcomes it
 * returns, like a push gap). The HTTP layer checks these cases first; reaching one is a
 * bug or a lost race, and nothing was changed.
 */

/** Why a store call was refused. */
export type StoreErrorCode = 'unknown_device' | 'foreign_event' | 'device_exists' | 'bad_count';

/** A refused store call; nothing was stored. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
