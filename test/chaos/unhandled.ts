/**
 * Promise rejections nobody handled during a chaos run: a storage or sync function that
 * leaves one behind (e.g. a transaction's `done` after a failed write) is a defect too.
 */

const seen: unknown[] = [];
let watching = false;

/** Starts recording unhandled rejections (once per process). */
export function watchUnhandledRejections(): void {
  if (watching) return;
  watching = true;
  process.on('unhandledRejection', (reason) => {
    seen.push(reason);
  });
}

/** The rejections recorded since the last call, then forgets them. */
export function takeUnhandledRejections(): unknown[] {
  return seen.splice(0);
}
