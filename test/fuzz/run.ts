/**
 * One fuzz run: a fresh server on its own DATA_DIR, the first admin, three honest and two
 * hostile kiosks, two honest lokets (one of Imigrasi), a hostile loket and a hostile board,
 * a person of staff created, given a PIN on a loket and listed there; then fast-check's
 * model-based runner over the generated commands until
 * the request budget is spent, and the final checks. On a failure fast-check shrinks the
 * command list for at most `shrinkSeconds` (each try starts a real server), then every
 * later try passes at once so the smallest failure found so far is reported.
 */
import fc from 'fast-check';
import { bootstrapAdmin } from './admin';
import { finalChecks } from './checks-final';
import { currentStep } from './command';
import { commandArbs } from './commands';
import { fuzzSite, PROFILES } from './config';
import { ServerFault } from './http';
import { fault, Violation } from './judge';
import { type Model, newModel } from './model';
import { enrollDevice } from './people';
import { FuzzServer } from './server';
import { createStaff, setPin, staffChecks } from './staff';
import { Stats } from './stats';

/** How one run is made. */
export type RunOptions = {
  /** Requests the run may send (commands, probes and checks together). */
  requests: number;
  checkEvery: number;
  /** Weight of server restarts per ~1,000 of all other commands. */
  restartWeight: number;
  shrinkSeconds: number;
  /** A PostgreSQL URL: the server stores in a fresh schema of it instead of SQLite. */
  postgres?: string;
};

/** A run's figures, and its failure if any. */
export type RunResult = {
  seed: number;
  /** The figures of the first (unshrunk) run. */
  stats: Stats;
  failure?: {
    step: string;
    message: string;
    /** The commands of the smallest failing run found, and fast-check's report of it. */
    shrunk: string[];
    report: string;
    /** Whether it is a broken promise (a Violation), not an error of the harness itself. */
    violation: boolean;
    tries: number;
    serverOutput: string;
  };
};

/** The first admin, the devices and a person with a PIN, and the server's epoch. */
async function setUp(model: Model, server: FuzzServer): Promise<Model> {
  model.adminTokens.push(await bootstrapAdmin(server));
  for (const honest of [true, true, true, false, false]) await enrollDevice(model, server, honest);
  await enrollDevice(model, server, true, PROFILES.counter);
  await enrollDevice(model, server, true, PROFILES.imigrasiCounter);
  await enrollDevice(model, server, false, PROFILES.counter);
  await enrollDevice(model, server, false, PROFILES.display);
  // The good sequence: a person is created, sets a PIN on a loket, and the loket lists them.
  await createStaff(model, server, { name: 0, supervisor: false, agencies: 6 });
  if (!(await setPin(model, server, { device: 0, person: 0, pin: 0 })))
    throw fault('the first PIN set was refused');
  await staffChecks(model, server);
  const health = await server.client.send({ kind: 'health', method: 'GET', path: '/health' });
  model.epoch = (health.json as { epoch: string }).epoch;
  return model;
}

/** Generated commands per request of budget: enough that most runs spend all of it. */
const COMMANDS_PER_REQUEST = 5;

/** One run with this seed; never throws for a failure of the server (see `failure`). */
export async function fuzzRun(seed: number, options: RunOptions): Promise<RunResult> {
  const site = fuzzSite();
  let first: Stats | null = null;
  let firstFailure: {
    step: string;
    message: string;
    violation: boolean;
    serverOutput: string;
  } | null = null;
  let deadline = Number.POSITIVE_INFINITY;
  let tries = 0;
  let shrunk: string[] = [];
  const commands = fc.commands([commandArbs(options.restartWeight)], {
    maxCommands: options.requests * COMMANDS_PER_REQUEST,
    size: 'max',
  });
  const property = fc.asyncProperty(commands, async (cmds) => {
    if (Date.now() > deadline) return;
    tries += 1;
    currentStep.ran = [];
    const stats = new Stats();
    first ??= stats;
    const server = await FuzzServer.start(site.config, stats, options.postgres);
    try {
      const model = await setUp(
        newModel(site, stats, options.requests, options.checkEvery),
        server,
      );
      await fc.asyncModelRun(() => ({ model, real: server }), cmds);
      currentStep.step = model.step + 1;
      currentStep.command = 'final checks';
      await finalChecks(model, server).catch((error: unknown) => {
        if (error instanceof Error) error.message = `final checks: ${error.message}`;
        throw error;
      });
      stats.add('devices.honest', model.devices.filter((d) => d.honest).length);
      stats.add('devices.hostile', model.devices.filter((d) => !d.honest).length);
      stats.add('events.stored', model.stored);
      stats.add('steps', model.step);
    } catch (error) {
      shrunk = [...currentStep.ran];
      if (firstFailure === null) {
        const violation = error instanceof Violation || error instanceof ServerFault;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        firstFailure = {
          step: `${currentStep.step}: ${currentStep.command}`,
          message,
          violation,
          serverOutput: server.output(),
        };
        deadline = Date.now() + options.shrinkSeconds * 1000;
      }
      throw error;
    } finally {
      await server.close();
    }
  });
  const result = await fc.check(property, {
    seed,
    numRuns: 1,
    endOnFailure: options.shrinkSeconds === 0,
  });
  const stats = first ?? new Stats();
  if (!result.failed) return { seed, stats };
  const failed = firstFailure ?? {
    step: '?',
    message: String(result.errorInstance),
    violation: false,
    serverOutput: '',
  };
  return {
    seed,
    stats,
    failure: {
      ...failed,
      shrunk,
      report: (result.errorInstance as Error | undefined)?.message ?? '',
      tries,
    },
  };
}
