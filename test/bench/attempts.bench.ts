/**
 * The attempt limiter under a flood of distinct addresses (IPv6 /64s, all failing): how
 * many it remembers, the heap they take, and the cost of one attempt. Run:
 * `node --expose-gc --import tsx test/bench/attempts.bench.ts` (prints; asserts nothing).
 */
import { ATTEMPT_POLICIES, AttemptLimiter } from '../../src/server/auth/attempts';

const FLOOD = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;
let now = Date.UTC(2025, 10, 3);
// The site budget lifted, so every attempt reaches the per-address table.
const limiter = new AttemptLimiter(
  { ...ATTEMPT_POLICIES.enroll, globalPerMinute: Number.MAX_SAFE_INTEGER },
  () => now,
);
gc?.();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
for (let i = 0; i < FLOOD; i++) {
  const attempt = limiter.begin(
    `2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`,
  );
  if ('end' in attempt) attempt.end('failure');
  if (i % 1000 === 0) now += 1;
}
const elapsed = performance.now() - started;
gc?.();
const after = process.memoryUsage().heapUsed;
console.info(
  `${FLOOD.toLocaleString('en')} distinct addresses failing: ${limiter.size.toLocaleString('en')} remembered ` +
    `(max ${ATTEMPT_POLICIES.enroll.maxAddresses.toLocaleString('en')}), ` +
    `${((after - before) / 1e6).toFixed(1)} MB of heap${gc ? '' : ' (run with --expose-gc for a stable figure)'}, ` +
    `${((elapsed * 1000) / FLOOD).toFixed(1)} µs per attempt`,
);
