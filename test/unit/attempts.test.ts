/**
 * The attempt limiter on a controlled clock: free failures, lockouts growing 1, 2, 4 …
 * 60 min, the site's budget per minute, successes clearing an address, attempts in flight
 * counting, quiet addresses forgotten, and memory bounded under a flood of addresses.
 */
import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_POLICIES,
  type Attempt,
  AttemptLimiter,
  type AttemptPolicy,
  type Refusal,
} from '../../src/server/auth/attempts';
import { addressKey } from '../../src/server/http/client-address';

const MINUTE = 60_000;
/** 2025-11-03 02:00:00 UTC: on a minute boundary. */
const T0 = Date.UTC(2025, 10, 3, 2, 0, 0);

function limiter(overrides: Partial<AttemptPolicy> = {}) {
  const clock = { now: T0 };
  const policy = { ...ATTEMPT_POLICIES.enroll, globalPerMinute: 1000, ...overrides };
  return { clock, limiter: new AttemptLimiter(policy, () => clock.now) };
}

function isRefusal(result: Attempt | Refusal): result is Refusal {
  return !('end' in result);
}

/** Runs one attempt to its end; answers the refusal, or null when it was let through. */
function attempt(l: AttemptLimiter, address: string, outcome: 'failure' | 'success' | 'neutral') {
  const result = l.begin(address);
  if (isRefusal(result)) return result;
  result.end(outcome);
  return null;
}

describe('attempt limits per address', () => {
  it('lets 5 failures through, then locks the address for 1 min, then 2, 4 … 60 min', () => {
    const { clock, limiter: l } = limiter();
    const free = Array.from({ length: 5 }, () => attempt(l, '203.0.113.1', 'failure'));
    const lockouts: number[] = [];
    for (let i = 0; i < 9; i++) {
      const refused = attempt(l, '203.0.113.1', 'failure');
      lockouts.push(refused?.retryAfterMs ?? -1);
      clock.now += refused?.retryAfterMs ?? 0;
      expect(attempt(l, '203.0.113.1', 'failure')).toBeNull();
    }

    expect(free).toEqual([null, null, null, null, null]);
    expect(lockouts.map((ms) => ms / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('answers when the lockout ends, counting down as the clock moves', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 5; i++) attempt(l, 'a', 'failure');

    clock.now += 20_000;
    const refused = l.begin('a');

    expect(refused).toEqual({ scope: 'address', retryAfterMs: 40_000 });
  });

  it('keeps other addresses free while one is locked out', () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 5; i++) attempt(l, 'attacker', 'failure');

    expect(attempt(l, 'attacker', 'success')).toMatchObject({ scope: 'address' });
    expect(attempt(l, 'installer', 'success')).toBeNull();
  });

  it('clears an address on a success: its failures and lockout level start over', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 5; i++) attempt(l, 'a', 'failure');
    clock.now += MINUTE;
    attempt(l, 'a', 'success');

    const afterSuccess = Array.from({ length: 6 }, () => attempt(l, 'a', 'failure'));

    expect(afterSuccess.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(afterSuccess[5]?.retryAfterMs).toBe(MINUTE);
    expect(l.size).toBe(1);
  });

  it('counts neither successes nor attempts that checked no secret', () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 50; i++) {
      attempt(l, 'a', 'success');
      attempt(l, 'a', 'neutral');
    }

    expect(attempt(l, 'a', 'failure')).toBeNull();
    expect(l.size).toBe(1);
  });

  it('counts attempts still being checked, so a burst in parallel gets no more guesses', () => {
    const { limiter: l } = limiter();
    const burst = Array.from({ length: 20 }, () => l.begin('a'));
    const letThrough = burst.filter((r): r is Attempt => !isRefusal(r));

    expect(letThrough).toHaveLength(5);
    expect(burst.filter(isRefusal)[0]).toEqual({ scope: 'address', retryAfterMs: 1000 });
    for (const a of letThrough) a.end('failure');
    expect(l.begin('a')).toMatchObject({ scope: 'address', retryAfterMs: MINUTE });
  });

  it('ends an attempt once: a second end changes nothing', () => {
    const { limiter: l } = limiter();
    const first = l.begin('a') as Attempt;
    first.end('failure');
    for (let i = 0; i < 10; i++) first.end('failure');

    const next = Array.from({ length: 4 }, () => attempt(l, 'a', 'failure'));

    expect(next).toEqual([null, null, null, null]);
    expect(l.begin('a')).toMatchObject({ scope: 'address' });
  });

  it('forgets an address 24 h after its last failure', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 7; i++) {
      attempt(l, 'a', 'failure');
      clock.now += 10 * MINUTE;
    }

    clock.now += 24 * 60 * MINUTE;
    const fresh = Array.from({ length: 5 }, () => attempt(l, 'a', 'failure'));

    expect(fresh).toEqual([null, null, null, null, null]);
  });
});

describe('the site budget', () => {
  it('refuses everyone until the minute ends once the minute’s failures are spent', () => {
    const { clock, limiter: l } = limiter({ globalPerMinute: 30 });
    clock.now = T0 + 15_000;
    for (let i = 0; i < 30; i++) expect(attempt(l, `198.51.100.${i}`, 'failure')).toBeNull();

    const refused = attempt(l, '192.0.2.77', 'success');
    clock.now = T0 + MINUTE;
    const nextMinute = attempt(l, '192.0.2.77', 'success');

    expect(refused).toEqual({ scope: 'site', retryAfterMs: 45_000 });
    expect(nextMinute).toBeNull();
  });

  it('counts attempts in flight against the budget, and successes not at all', () => {
    const { limiter: l } = limiter({ globalPerMinute: 3 });
    const inFlight = ['a', 'b', 'c'].map((a) => l.begin(a) as Attempt);

    const refused = l.begin('d');
    for (const a of inFlight) a.end('success');

    expect(refused).toMatchObject({ scope: 'site' });
    expect(attempt(l, 'd', 'success')).toBeNull();
  });
});

describe('memory', () => {
  it('remembers at most maxAddresses addresses under a flood of distinct ones', () => {
    const { clock, limiter: l } = limiter({ maxAddresses: 1000, globalPerMinute: 100 });
    let refusedBySite = 0;
    for (let i = 0; i < 100_000; i++) {
      if (i % 100 === 0) clock.now += MINUTE;
      const refused = attempt(l, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'failure');
      if (refused?.scope === 'site') refusedBySite += 1;
    }

    expect(l.size).toBe(1000);
    expect(refusedBySite).toBe(0);
  });

  it('keeps a refused flood from adding addresses at all', () => {
    const { limiter: l } = limiter({ globalPerMinute: 10 });
    for (let i = 0; i < 10_000; i++) attempt(l, `a${i}`, 'failure');

    expect(l.size).toBe(10);
  });
});

describe('client address keys', () => {
  it('keys IPv4 as is, IPv4-mapped IPv6 as its IPv4, IPv6 by its /64, none as unknown', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('standing and forgetting (the site-wide PIN count)', () => {
  it('tells an address its lockout and failures without counting an attempt', () => {
    const { clock, limiter: l } = limiter();
    for (let i = 0; i < 3; i++) attempt(l, 'staff:a', 'failure');
    const three = l.standing('staff:a');
    attempt(l, 'staff:a', 'failure');
    attempt(l, 'staff:a', 'failure');
    const locked = l.standing('staff:a');
    clock.now += 30_000;

    expect(three).toEqual({ lockedForMs: 0, failures: 3 });
    expect(locked).toEqual({ lockedForMs: MINUTE, failures: 4 });
    expect(l.standing('staff:a')).toEqual({ lockedForMs: MINUTE - 30_000, failures: 4 });
    expect(l.standing('staff:other')).toEqual({ lockedForMs: 0, failures: 0 });
    expect(l.size).toBe(1);
  });

  it('forgets a locked address at once: its next lockout is the first again', () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 6; i++) attempt(l, 'staff:a', 'failure');

    l.forget('staff:a');
    for (let i = 0; i < 5; i++) attempt(l, 'staff:a', 'failure');

    expect(l.standing('staff:a').lockedForMs).toBe(MINUTE);
  });

  it('uses the device lockouts for the sign-in policy', () => {
    expect(ATTEMPT_POLICIES.signIn).toMatchObject({
      freeFailures: 5,
      firstLockoutMs: MINUTE,
      maxLockoutMs: 60 * MINUTE,
    });
  });
});
