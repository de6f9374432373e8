/**
 * Device crashes in the middle of an IndexedDB transaction. A crash armed on a database
 * connection fires at its n-th write request (add, put or delete): the transaction that
 * made it is aborted — everything it wrote is gone, as after a power cut before commit —
 * and the connection is closed, so the device can do nothing more until it restarts.
 */
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';

type Plan = { countdown: number; fired: boolean };

const plans = new WeakMap<IDBDatabase, Plan>();
let installed = false;

/** Wraps the write methods of fake-indexeddb's object stores once per process. */
function install(): void {
  if (installed) return;
  installed = true;
  const proto = FakeObjectStore.prototype as unknown as Record<string, unknown>;
  for (const name of ['add', 'put', 'delete']) {
    const original = proto[name] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
    proto[name] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
      const request = original.apply(this, args);
      const tx = this.transaction;
      const plan = plans.get(tx.db);
      if (plan && !plan.fired) {
        plan.countdown -= 1;
        if (plan.countdown <= 0) {
          plan.fired = true;
          tx.abort();
          tx.db.close();
        }
      }
      return request;
    };
  }
}

/** Arms a crash at the `atWrite`-th write from now on this connection. */
export function armCrash(db: IDBDatabase, atWrite: number): void {
  install();
  plans.set(db, { countdown: atWrite, fired: false });
}

/** Disarms the connection's crash; true when it had fired. */
export function disarmCrash(db: IDBDatabase): boolean {
  const plan = plans.get(db);
  plans.delete(db);
  return plan?.fired ?? false;
}
