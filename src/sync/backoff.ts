/** When the sync loop runs next: periodic when healthy, exponential backoff when not. */

export type LoopTiming = {
  /** Between syncs when the last one succeeded. */
  periodMs: number;
  /** First backoff step after a failure. */
  backoffBaseMs: number;
  /** No wait is ever longer than this (the liveness bound after the network heals). */
  backoffCapMs: number;
  /** Writes within this window share one sync. */
  debounceMs: number;
};

export const DEFAULT_TIMING: LoopTiming = {
  periodMs: 30_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
  debounceMs: 250,
};

/**
 * Exponential backoff with full jitter (a random wait up to base × 2^(failures−1),
 * capped), so devices that lost the server together do not return together.
 */
export function backoffDelay(failures: number, timing: LoopTiming, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(timing.backoffCapMs, timing.backoffBaseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(r * ceiling);
}
