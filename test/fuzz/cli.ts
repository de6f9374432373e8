/**
 * `npm run test:fuzz -- --requests N [--seed S] [--runs R] [--check-every K]
 * [--shrink-seconds T] [--restart-weight W] [--postgres] [--help]`: the stateful fuzz of the real
 * server (`npm run build` first). N requests in all over R runs (a fresh server each; one
 * per 25,000 requests by default), run i with seed S+i (S fresh unless given, printed
 * first); runs whose commands end early are followed by more until N requests were sent.
 * --postgres: the server stores in a fresh schema of TEST_DATABASE_URL. On a failure: the
 * seed, the failing step, the command list shrunk for at most T seconds (0: none), the
 * replay command; exit 1. At the end: requests by kind and status, restarts, probes,
 * checks, duration and requests/s.
 */
import { randomInt } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../e2e/support/server';
import { fuzzRun, type RunResult } from './run';
import { Stats } from './stats';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    'check-every': { type: 'string', default: '200' },
    'shrink-seconds': { type: 'string', default: '300' },
    'restart-weight': { type: 'string', default: '2' },
    postgres: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.info(`npm run test:fuzz -- [options]  (npm run build first)
  --requests N        requests in all (default 2000)
  --seed S            first seed (default: a fresh one, printed); run i has seed S+i
  --runs R            runs, each on a fresh server (default: one per 25,000 requests)
  --check-every K     steps between periodic checks (default 200)
  --shrink-seconds T  time to shrink a failure's commands (default 300; 0: none)
  --restart-weight W  server restarts per ~1,000 of the other commands' weight (default 2)
  --postgres          store in a fresh schema of TEST_DATABASE_URL instead of SQLite`);
  process.exit(0);
}

function whole(name: string, text: string | undefined, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, got ${text}`);
  return n;
}

const postgres = values.postgres ? process.env.TEST_DATABASE_URL : undefined;
if (values.postgres && !postgres) {
  console.error(
    '--postgres needs TEST_DATABASE_URL (postgres://…): each run gets a fresh schema of it.',
  );
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/server/main.js'))) {
  console.error('dist/server/main.js is missing: run `npm run build` first.');
  process.exit(2);
}
const requests = whole('requests', values.requests, 1);
const runs =
  values.runs === undefined ? Math.ceil(requests / 25_000) : whole('runs', values.runs, 1);
const perRun = Math.ceil(requests / runs);
const base = values.seed === undefined ? randomInt(2 ** 31) : whole('seed', values.seed, 0);
const options = {
  checkEvery: whole('check-every', values['check-every'], 1),
  shrinkSeconds: whole('shrink-seconds', values['shrink-seconds'], 0),
  restartWeight: whole('restart-weight', values['restart-weight'], 0),
  ...(postgres ? { postgres } : {}),
};
const store = postgres ? 'PostgreSQL' : 'SQLite';
console.info(
  `fuzz: seed ${base}, ${requests.toLocaleString('en')} requests in runs of ≤ ${perRun.toLocaleString('en')}, ${store}`,
);

const total = new Stats();
const started = performance.now();
let sent = 0;
for (let i = 0; sent < requests; i++) {
  const seed = base + i;
  const budget = Math.min(perRun, requests - sent);
  const runStarted = performance.now();
  const result = await fuzzRun(seed, { ...options, requests: budget });
  if (result.failure) report(result, budget);
  total.merge(result.stats);
  total.add('runs');
  sent += result.stats.requestTotal;
  const seconds = (performance.now() - runStarted) / 1000;
  console.info(
    `fuzz: run ${i + 1} (seed ${seed}) passed: ${result.stats.requestTotal.toLocaleString('en')} requests in ${seconds.toFixed(1)} s`,
  );
}
console.info(`\nfuzz: passed, seeds ${base}…${base + total.get('runs') - 1}`);
console.info(total.format((performance.now() - started) / 1000));

function report(result: RunResult, budget: number): never {
  const failure = result.failure as NonNullable<RunResult['failure']>;
  const file = join(tmpdir(), `anjungan-fuzz-${result.seed}.txt`);
  writeFileSync(
    file,
    [
      failure.message,
      '',
      'shrunk commands:',
      ...failure.shrunk,
      '',
      'server output:',
      failure.serverOutput,
    ].join('\n'),
  );
  console.error(`\nfuzz: FAILED — seed ${result.seed}`);
  console.error(`failing step ${failure.step}`);
  console.error(failure.message.replace(/\n {4}at .*/g, (line) => (failure.violation ? '' : line)));
  const tail = failure.shrunk.slice(-40);
  console.error(
    `\nshrunk to ${failure.shrunk.length} commands after ${failure.tries} tries` +
      `${tail.length < failure.shrunk.length ? ' (last 40)' : ''}:\n  ${tail.join('\n  ')}`,
  );
  console.error(`\nsmallest failure: ${failure.report}`);
  console.error(`server output and the whole list: ${file}`);
  console.error(`figures of the failing run:\n${result.stats.format()}`);
  const flags = `--check-every ${options.checkEvery} --restart-weight ${options.restartWeight}${postgres ? ' --postgres' : ''}`;
  console.error(
    `\nreplay: npm run test:fuzz -- --seed ${result.seed} --requests ${budget} --runs 1 ${flags}`,
  );
  process.exit(1);
}
