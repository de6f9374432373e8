/**
 * CPU profiles of timed sections only (not the seeding around them): with
 * SYNC_BENCH_PROFILE=<dir>, each section is written as <dir>/<name>.cpuprofile, to open
 * in Chrome DevTools or to summarise with `tsx test/bench/sync/profile-summary.ts <file>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env.SYNC_BENCH_PROFILE || undefined;
let session: Session | null = null;

/** Runs `fn`, profiled when SYNC_BENCH_PROFILE is set. */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (dir === undefined) return fn();
  if (session === null) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
  }
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
