/**
 * Keeping leases topped up: number blocks and quota tokens are asked for before they run
 * out, while the server is reachable, so a partition finds the device stocked.
 */
import { type LeaseRequest, MAX_LEASE_COUNT } from '../domain/protocol';
import { addLeases, type LeaseLevels, leaseLevels } from '../storage/leases';
import { call, type LeaseNeeds, type SyncContext } from './context';
import { TransportError } from './transport';

/** Ask for more numbers when fewer than this are left for a day and prefix. */
export const NUMBERS_LOW_WATER = 10;
/** How many numbers to ask for at once. */
export const NUMBERS_TOP_UP = 25;
/** Ask for more quota tokens when fewer than this are left for a day and service. */
export const QUOTA_LOW_WATER = 2;
/** How many quota tokens to ask for at once. */
export const QUOTA_TOP_UP = 5;

export type TopUpResult = {
  numbers: number;
  quotas: number;
  /** Why the server refused the request, when it did (sync goes on without new leases). */
  error: string | null;
};

/** Asks for what is below the low-water marks and stores what the server grants. */
export async function topUpLeases(ctx: SyncContext): Promise<TopUpResult> {
  const request = await leaseRequest(ctx);
  if (request.numbers.length === 0 && request.quotas.length === 0) {
    return { numbers: 0, quotas: 0, error: null };
  }
  try {
    const answer = await call(ctx, (signal) => ctx.deps.transport.leases(request, signal));
    await addLeases(ctx.deps.db, answer.numbers, answer.quotas);
    const numbers = answer.numbers.reduce((n, l) => n + l.end - l.start + 1, 0);
    const quotas = answer.quotas.reduce((n, q) => n + q.count, 0);
    return { numbers, quotas, error: null };
  } catch (error) {
    // A refused lease request must not stop push and pull; an unreachable server does.
    if (error instanceof TransportError && error.kind === 'http') {
      return { numbers: 0, quotas: 0, error: error.message };
    }
    throw error;
  }
}

/** The lines of the request: each needed (day, prefix) and (day, service) below its mark. */
async function leaseRequest(ctx: SyncContext): Promise<LeaseRequest> {
  const needs = ctx.deps.needs?.();
  if (!needs) return { numbers: [], quotas: [] };
  const levels = new Map<string, LeaseLevels>();
  for (const day of leaseDays(needs)) levels.set(day, await leaseLevels(ctx.deps.db, day));
  return leaseRequestFor(needs, (day) => levels.get(day) ?? { numbers: {}, quotas: {} });
}

/** Every day whose levels the request depends on. */
function leaseDays(needs: LeaseNeeds): Set<string> {
  const fill = needs.fill;
  return new Set([
    ...needs.days,
    ...(needs.aheadDays ?? []),
    ...(fill?.numbers ?? []).map((f) => f.businessDay),
    ...(fill?.quotas ?? []).map((f) => f.businessDay),
  ]);
}

/**
 * The request for `needs` given what the device holds (`levelsOf`). A day with `fill` lines
 * is asked for by them alone, in full (a mobile unit's visit day: only the visit's services
 * have a quota then); every other day by the low-water marks.
 */
export function leaseRequestFor(
  needs: LeaseNeeds,
  levelsOf: (day: string) => LeaseLevels,
): LeaseRequest {
  const request: LeaseRequest = { numbers: [], quotas: [] };
  const fill = needs.fill ?? { blockSize: MAX_LEASE_COUNT, numbers: [], quotas: [] };
  const filledDays = new Set([...fill.numbers, ...fill.quotas].map((f) => f.businessDay));
  // Days ahead get numbers only; a day in both lists is a day with tokens.
  const ahead = (needs.aheadDays ?? []).filter((day) => !needs.days.includes(day));
  const days = [
    ...needs.days.map((day) => ({ day, tokens: true })),
    ...ahead.map((day) => ({ day, tokens: false })),
  ].filter(({ day }) => !filledDays.has(day));
  for (const { day: businessDay, tokens } of days) {
    const levels = levelsOf(businessDay);
    for (const prefix of needs.prefixes) {
      if ((levels.numbers[prefix] ?? 0) < NUMBERS_LOW_WATER) {
        request.numbers.push({ businessDay, prefix, count: NUMBERS_TOP_UP });
      }
    }
    if (!tokens) continue;
    for (const serviceId of needs.quotaServices) {
      const level = levels.quotas[serviceId];
      const serverHasMore = (level?.remaining ?? 1) > 0;
      if ((level?.tokens ?? 0) < QUOTA_LOW_WATER && serverHasMore) {
        request.quotas.push({ businessDay, serviceId, count: QUOTA_TOP_UP });
      }
    }
  }
  for (const { businessDay, prefix, count } of fill.numbers) {
    // Short by a few (tickets issued online) is no reason for a block of its own; holding
    // none at all is (a visit with a small quota).
    const held = levelsOf(businessDay).numbers[prefix] ?? 0;
    const short = count - held;
    if (short <= 0 || (held > 0 && short < NUMBERS_LOW_WATER)) continue;
    for (const part of lines(short, fill.blockSize)) {
      request.numbers.push({ businessDay, prefix, count: part });
    }
  }
  for (const { businessDay, serviceId, count } of fill.quotas) {
    // What the server has not granted yet (all of it goes to the unit), else the whole count.
    const level = levelsOf(businessDay).quotas[serviceId];
    const missing = level?.remaining ?? count - (level?.tokens ?? 0);
    for (const part of lines(missing, MAX_LEASE_COUNT)) {
      request.quotas.push({ businessDay, serviceId, count: part });
    }
  }
  return request;
}

/** `count` in request lines of at most `most` (and MAX_LEASE_COUNT); none when ≤ 0. */
function lines(count: number, most: number): number[] {
  const size = Math.max(1, Math.min(most, MAX_LEASE_COUNT));
  const out: number[] = [];
  for (let left = count; left > 0; left -= size) out.push(Math.min(left, size));
  return out;
}
