/** Small helpers shared by the storage functions. */

/** Aborts a transaction that may already be finished, without an unhandled rejection. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> } | undefined): void {
  if (!tx) return;
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing to undo.
  }
}
