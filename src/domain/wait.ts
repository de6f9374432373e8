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
