/**
 * The order in which a queue's waiting tickets are called: arrival (the HLC of the ticket's
 * issue, kept across transfers), priority groups first, capped so regular tickets are not
 * starved: after `cap` priority calls in a row, a waiting regular ticket goes next.
 * Must: pure and deterministic (every counter and board computes the same order from the
 * same state); with no priority ticket it is arrival order; a priority ticket never waits
 * behind more than one regular ticket per `cap` priority calls.
 */

/** Priority calls in a row before a waiting regular ticket is called, when the site says none. */
export const DEFAULT_PRIORITY_CAP = 3;

/**
 * `waiting` (in arrival order) in serving order, given how many priority tickets were called
 * in a row last in this queue (`streak`).
 */
export function servingOrder<T>(
  waiting: readonly T[],
  isPriority: (ticket: T) => boolean,
  streak: number,
  cap: number,
): T[] {
  const priority: T[] = [];
  const regular: T[] = [];
  for (const ticket of waiting) (isPriority(ticket) ? priority : regular).push(ticket);
  if (priority.length === 0 || regular.length === 0)
    return priority.length > 0 ? priority : regular;
  const order: T[] = [];
  let p = 0;
  let r = 0;
  let run = Math.max(0, streak);
  const limit = Math.max(1, cap);
  while (p < priority.length || r < regular.length) {
    if (p < priority.length && (run < limit || r >= regular.length)) {
      order.push(priority[p++] as T);
      run += 1;
    } else {
      order.push(regular[r++] as T);
      run = 0;
    }
  }
  return order;
}

/** Priority calls in a row at the end of a queue's calls, given newest first. */
export function priorityStreak(newestFirst: Iterable<boolean>): number {
  let streak = 0;
  for (const wasPriority of newestFirst) {
    if (!wasPriority) break;
    streak += 1;
  }
  return streak;
}
