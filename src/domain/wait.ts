/**
 * The wait shown on a ticket: a rough, honest estimate, rounded up so the citizen is
 * more often early than late.
 * Must:
 * - 0 when nobody is ahead; otherwise a positive multiple of 5 minutes.
 * - Never divide by zero: fewer than one open counter counts as one.
 * - Never negative or NaN, whatever the inputs.
 */

/** Minutes to wait: ceil(ahead × average ÷ counters), rounded up to a multiple of 5. */
export function estimateWaitMinutes(input: {
  ahead: number;
  averageServiceMinutes: number;
  counters: number;
}): number {
  const ahead = nonNegative(input.ahead);
  const average = nonNegative(input.averageServiceMinutes);
  const counters = Math.max(1, nonNegative(input.counters));
  if (ahead === 0 || average === 0) return 0;
  // The epsilon keeps float noise (10.000000000000002) from adding a whole step.
  const minutes = Math.ceil((ahead * average) / counters - 1e-9);
  return Math.ceil(minutes / 5) * 5;
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Finished services of the day weigh against the configured average as this many would. */
export const CONFIGURED_WEIGHT = 3;

/**
 * The average service time to expect: the configured one (the standar pelayanan's), moved
 * toward the day's actual mean as services finish — the configured value weighs as
 * CONFIGURED_WEIGHT finished services, so one slow case does not swing the estimate.
 */
export function expectedServiceMinutes(
  finished: { count: number; meanMs: number },
  configuredMinutes: number,
): number {
  const configured = nonNegative(configuredMinutes);
  const count = nonNegative(finished.count);
  if (count === 0) return configured;
  const actual = nonNegative(finished.meanMs) / 60_000;
  return (actual * count + configured * CONFIGURED_WEIGHT) / (count + CONFIGURED_WEIGHT);
}
