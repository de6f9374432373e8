/**
 * In-process fan-out of "there is something to pull" to the open sync streams of a site.
 * Must: a slow or gone listener never blocks a push; `closeDevice` ends a revoked
 * device's streams; `closeAll` ends every stream so the server can shut down.
 */

/** An open stream: told the new head, or told to end. */
export type PokeListener = { poke(head: number): void; close(): void };

/** Subscriptions by site, each remembered with its device. */
export class Pokes {
  private readonly listeners = new Map<string, Map<PokeListener, string>>();

  /** Registers a stream of `deviceId` at `siteId`; returns the unsubscribe function. */
  subscribe(siteId: string, deviceId: string, listener: PokeListener): () => void {
    let site = this.listeners.get(siteId);
    if (site === undefined) {
      site = new Map();
      this.listeners.set(siteId, site);
    }
    site.set(listener, deviceId);
    return () => {
      this.listeners.get(siteId)?.delete(listener);
    };
  }

  /** Tells every stream of the site its new head. */
  poke(siteId: string, head: number): void {
    for (const listener of this.listeners.get(siteId)?.keys() ?? []) listener.poke(head);
  }

  /** Ends the streams of one device (it was revoked). */
  closeDevice(deviceId: string): void {
    for (const site of this.listeners.values()) {
      for (const [listener, owner] of site) if (owner === deviceId) listener.close();
    }
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const site of this.listeners.values())
      for (const listener of site.keys()) listener.close();
  }

  /** How many streams are open (diagnostics and tests). */
  get size(): number {
    let n = 0;
    for (const site of this.listeners.values()) n += site.size;
    return n;
  }
}
