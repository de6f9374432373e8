/** New ids for events and devices: UUIDv7 from the clock and the platform's CSPRNG. */
import { uuidv7From } from '../domain/ids';

/** A fresh UUIDv7. */
export function newId(now: number = Date.now()): string {
  return uuidv7From(now, crypto.getRandomValues(new Uint8Array(10)));
}
