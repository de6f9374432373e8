/**
 * Attempt limits for guessable secrets (bootstrap, enrollment and staff set-up codes; staff
 * PINs, reported by the counters that check them): per client address (per person for a
 * PIN) with growing lockouts, and a failure budget per minute for the whole site. Only failures count (and attempts still being checked); a success clears its
 * address. Must: refusing costs no I/O; memory is bounded (maxAddresses, LRU). README,
 * "Attempt limits and one-time codes", gives the figures and the reasoning.
 */

/** How one kind of secret is guarded. */
export type AttemptPolicy = {
  /** Failures an address may make before its first lockout. */
  freeFailures: number;
  /** The first lockout; each later one (every further failure) doubles it … */
  firstLockoutMs: number;
  /** … up to this. */
  maxLockoutMs: number;
  /** An address with no failure for this long starts afresh. */
  forgetAfterMs: number;
  /** Failures (and attempts being checked) from all addresses together per clock minute. */
  globalPerMinute: number;
  /** Addresses remembered at most. */
  maxAddresses: number;
};

import { PIN_FIRST_LOCKOUT_MS, PIN_FREE_FAILURES, PIN_MAX_LOCKOUT_MS } from '../../domain/staff';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The named policies: bootstrap, enrollment, staff set-up codes (`pin`), and the PINs
 * counters check, keyed by person (`signIn`: the same lockouts as a device's own).
 */
export const ATTEMPT_POLICIES = {
  bootstrap: policy({ globalPerMinute: 10 }),
  enroll: policy({ globalPerMinute: 30 }),
  pin: policy({ globalPerMinute: 120 }),
  signIn: policy({
    freeFailures: PIN_FREE_FAILURES,
    firstLockoutMs: PIN_FIRST_LOCKOUT_MS,
    maxLockoutMs: PIN_MAX_LOCKOUT_MS,
    globalPerMinute: 600,
  }),
} satisfies Record<string, AttemptPolicy>;

/** A policy's name. */
export type PolicyName = keyof typeof ATTEMPT_POLICIES;

function policy(overrides: Partial<AttemptPolicy>): AttemptPolicy {
  return {
    freeFailures: 5,
    firstLockoutMs: MINUTE,
    maxLockoutMs: HOUR,
    forgetAfterMs: 24 * HOUR,
    globalPerMinute: 30,
    maxAddresses: 10_000,
    ...overrides,
  };
}

/** How an attempt ended: a wrong secret, the right one, or no secret checked at all. */
export type AttemptOutcome = 'failure' | 'success' | 'neutral';

/** An attempt let through: end it exactly once (later calls do nothing). */
export type Attempt = { end(outcome: AttemptOutcome): void };

/** Why an attempt was refused, and when to come back. */
export type Refusal = { scope: 'address' | 'site'; retryAfterMs: number };

type Entry = {
  failures: number;
  lockouts: number;
  lockedUntil: number;
  lastFailureAt: number;
  pending: number;
};

/**
 * The limits of one policy, in memory, on an injected clock. (rate-limiter-flexible's
 * RateLimiterMemory was the candidate: it reads Date.now() and arms a timer per key, so
 * tests could not drive it with the app's clock, and it has no bound on keys; all it would
 * add here is a fixed-window counter.)
 */
export class AttemptLimiter {
  private readonly entries = new Map<string, Entry>();
  private window = { start: 0, failures: 0 };
  private pending = 0;

  constructor(
    readonly policy: AttemptPolicy,
    private readonly now: () => number,
  ) {}

  /** Addresses remembered right now (at most policy.maxAddresses). */
  get size(): number {
    return this.entries.size;
  }

  /** Lets an attempt from `address` through, or says why not; synchronous, no I/O. */
  begin(address: string): Attempt | Refusal {
    const now = this.now();
    const entry = this.entry(address, now);
    if (entry !== undefined && entry.lockedUntil > now) {
      return { scope: 'address', retryAfterMs: entry.lockedUntil - now };
    }
    if (entry !== undefined && entry.failures + entry.pending >= this.policy.freeFailures) {
      // Its last free attempts are being checked now: one of them may lock it out.
      return { scope: 'address', retryAfterMs: 1000 };
    }
    const window = this.windowAt(now);
    if (window.failures + this.pending >= this.policy.globalPerMinute) {
      return { scope: 'site', retryAfterMs: window.start + MINUTE - now };
    }
    const held = entry ?? this.remember(address);
    held.pending += 1;
    this.pending += 1;
    let ended = false;
    return {
      end: (outcome) => {
        if (ended) return;
        ended = true;
        held.pending -= 1;
        this.pending -= 1;
        this.settle(address, held, outcome);
      },
    };
  }

  /** How long `address` is locked out for, and its failures towards the next lockout. */
  standing(address: string): { lockedForMs: number; failures: number } {
    const now = this.now();
    const entry = this.entry(address, now);
    if (entry === undefined) return { lockedForMs: 0, failures: 0 };
    return { lockedForMs: Math.max(0, entry.lockedUntil - now), failures: entry.failures };
  }

  /** Starts `address` afresh (an admin unlocked the person, or gave them a new code). */
  forget(address: string): void {
    const entry = this.entries.get(address);
    if (entry === undefined) return;
    if (entry.pending > 0) {
      Object.assign(entry, { failures: 0, lockouts: 0, lockedUntil: 0, lastFailureAt: 0 });
    } else this.entries.delete(address);
  }

  private settle(address: string, entry: Entry, outcome: AttemptOutcome): void {
    const now = this.now();
    if (outcome === 'success') {
      Object.assign(entry, { failures: 0, lockouts: 0, lockedUntil: 0, lastFailureAt: 0 });
    } else if (outcome === 'failure') {
      this.windowAt(now).failures += 1;
      entry.failures += 1;
      entry.lastFailureAt = now;
      if (entry.failures >= this.policy.freeFailures) {
        const { firstLockoutMs, maxLockoutMs } = this.policy;
        entry.lockedUntil = now + Math.min(maxLockoutMs, firstLockoutMs * 2 ** entry.lockouts);
        entry.lockouts += 1;
        // After a lockout every failure locks again, each time twice as long.
        entry.failures = this.policy.freeFailures - 1;
      }
    }
    if (entry.pending === 0 && entry.lastFailureAt === 0) this.entries.delete(address);
  }

  /** The address's entry (most recently seen last), forgotten when it has gone quiet. */
  private entry(address: string, now: number): Entry | undefined {
    const entry = this.entries.get(address);
    if (entry === undefined) return undefined;
    this.entries.delete(address);
    const quiet = entry.lastFailureAt > 0 && now - entry.lastFailureAt >= this.policy.forgetAfterMs;
    if (quiet && entry.pending === 0 && entry.lockedUntil <= now) return undefined;
    this.entries.set(address, entry);
    return entry;
  }

  private remember(address: string): Entry {
    const entry = { failures: 0, lockouts: 0, lockedUntil: 0, lastFailureAt: 0, pending: 0 };
    this.entries.set(address, entry);
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.policy.maxAddresses) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** The current clock minute's failure count. */
  private windowAt(now: number): { start: number; failures: number } {
    const start = now - (now % MINUTE);
    if (this.window.start !== start) this.window = { start, failures: 0 };
    return this.window;
  }
}

/** The limiters of an app, one per policy, each on the same clock. */
export function attemptLimiters(now: () => number): Record<PolicyName, AttemptLimiter> {
  return {
    bootstrap: new AttemptLimiter(ATTEMPT_POLICIES.bootstrap, now),
    enroll: new AttemptLimiter(ATTEMPT_POLICIES.enroll, now),
    pin: new AttemptLimiter(ATTEMPT_POLICIES.pin, now),
    signIn: new AttemptLimiter(ATTEMPT_POLICIES.signIn, now),
  };
}
