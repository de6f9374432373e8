/**
 * A fixed-seed sample of the stateful fuzz of the real server process (test/fuzz): about
 * 1,200 requests of honest and hostile devices (kiosks, lokets, a board), admins, staff
 * and anonymous callers, with clean and SIGKILL restarts, every step checked against the
 * model. `npm run test:fuzz -- --requests 100000` runs it at length with fresh seeds.
 * Needs `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { fuzzRun } from '../fuzz/run';

const SEED = 20_261_204;
/** What the sample must have done at least once. */
const EXERCISED = [
  'restart.clean',
  'restart.kill',
  'restart.killMidPush',
  'events.flagged',
  'events.quarantined',
  'probe',
  'check.periodic',
  'check.final',
  'counter.acted',
  'events.quarantined.not_allowed',
  'staff.pinSet',
];

describe('stateful fuzz of the real server, fixed seed', () => {
  it('keeps every promise through honest, hostile and admin requests and restarts', async () => {
    const result = await fuzzRun(SEED, {
      requests: 1_200,
      checkEvery: 50,
      restartWeight: 12,
      shrinkSeconds: 0,
    });
    const missing = EXERCISED.filter((name) => result.stats.get(name) === 0);
    const kinds = [...result.stats.requests.keys()];

    expect(result.failure?.message).toBeUndefined();
    // The sample exercises what the fuzz is for: extreme requests accepted, then honest ones.
    expect(missing).toEqual([]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'push.hostile.refused',
        'lease.hostile',
        'raw.401',
        'anon.enroll',
        'push.counter',
        'push.counter.hostile',
        'push.counter.hostile.refused',
        'staff.hostile.400',
      ]),
    );
    expect(result.stats.requestTotal).toBeGreaterThan(1_000);
  });
});
