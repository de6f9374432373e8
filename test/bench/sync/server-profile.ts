/**
 * Preloaded into the server process (NODE_OPTIONS=--import) when SYNC_BENCH_PROFILE is
 * set: profiles the whole process and writes <dir>/server-<pid>.cpuprofile at exit.
 * (--cpu-prof itself is not allowed in NODE_OPTIONS.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.SYNC_BENCH_PROFILE_SERVER;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    // An in-thread session answers synchronously, so this works inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
