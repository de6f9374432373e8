/**
 * A chaos run: one server, 2–4 kiosks (up to 6 with those that join), 0–3 counters
 * (lokets) and the network between them, driven by a list of commands (./case.ts) (issue,
 * call, serve, finish, transfer, sync, network faults, partitions, crashes
 * mid-transaction, clock jumps, server restarts, backups and restores). Kiosks and counters
 * alike sync, crash, restart and are partitioned. After every step the safety invariants
 * are checked; at the end the network heals and, within SYNC_ROUNDS_BOUND rounds of one
 * sync per device, everything must converge.
 */

import type { ConfigBundle } from '../../src/domain/config/schema';
import type { KioskEvent } from '../../src/domain/events';
import { isEventOf } from '../../src/domain/events';
import { IssueError } from '../../src/machines/kiosk.types';
import { readAllEvents, readClock } from '../../src/storage/events';
import { readSyncState } from '../../src/storage/sync-state';
import { PushStalledError } from '../../src/sync/push';
import { TransportError } from '../../src/sync/transport';
import {
  type ChaosCase,
  type Command,
  chaosConfig,
  DAY_MS,
  describeCommand,
  MAX_DEVICES,
  SERVICES,
  START_MS,
} from './case';
import { type Acted, SimCounter } from './counter';
import { SimDevice } from './device';
import {
  type Committed,
  checkConverged,
  checkSafety,
  checkVisitReport,
  countConflicts,
  InvariantViolation,
  type Snapshot,
} from './invariants';
import { SimNetwork } from './network';
import { createRng, type Rng } from './rng';
import { SimServer } from './server';
import { Stats } from './stats';
import { takeUnhandledRejections, watchUnhandledRejections } from './unhandled';

/**
 * I9's bound: after the network heals, two rounds of one syncOnce per device (in device
 * order) drain every outbox and bring every cursor to the head; a third moves nothing.
 * Round one pushes every device's events (also after a lost tail: a new epoch makes the
 * device ask what the server holds); round two pulls what later devices pushed.
 */
export const SYNC_ROUNDS_BOUND = 2;

class World {
  time = START_MS;
  readonly committed = new Map<string, Committed>();
  /** Every device, kiosks and counters, in enrollment order (the network's numbering). */
  readonly devices: SimDevice[] = [];
  readonly kiosks: SimDevice[] = [];
  readonly counters: SimCounter[] = [];
  readonly network: SimNetwork;
  private server!: SimServer;
  /** How many kiosks were enrolled when each backup was taken. */
  private readonly devicesAtBackup: number[] = [];

  constructor(
    readonly config: ConfigBundle,
    readonly rng: Rng,
    readonly stats: Stats,
    private readonly sizes: Pick<ChaosCase, 'batchSize' | 'pageSize'>,
  ) {
    this.network = new SimNetwork(rng, () => this.server.app, stats);
  }

  static async create(c: ChaosCase, stats: Stats): Promise<World> {
    const world = new World(chaosConfig(), createRng(c.seed), stats, c);
    world.server = await SimServer.start(world.config, () => world.time);
    for (let n = 1; n <= c.devices; n += 1) await world.enroll('kiosk');
    for (let n = 1; n <= (c.counters ?? 0); n += 1) await world.enroll('counter');
    for (let n = 1; n <= (c.mobiles ?? 0); n += 1) await world.enroll('mobile');
    if ((c.mobiles ?? 0) > 0) stats.add('run.mobile');
    return world;
  }

  /** Enrolls the next device, a kiosk, a counter or a mobile unit, and opens it. */
  private async enroll(role: 'kiosk' | 'counter' | 'mobile'): Promise<void> {
    const n = this.devices.length + 1;
    const enrolled = await this.server.enroll(n, role);
    const profile =
      role === 'kiosk'
        ? this.config.profiles[0]
        : this.config.profiles.find((p) => p.surface === role);
    if (!profile) throw new Error(`no ${role} profile`);
    const device = await SimDevice.open(n - 1, enrolled, {
      config: this.config,
      profile,
      time: () => this.time,
      rng: this.rng,
      fetch: this.network.fetchFor(n - 1),
      batchSize: this.sizes.batchSize,
      pageSize: this.sizes.pageSize,
    });
    this.devices.push(device);
    // A mobile unit issues like a kiosk (its visit's services, from its visit's stock).
    if (role !== 'counter') this.kiosks.push(device);
    else this.counters.push(new SimCounter(device, this.counters.length, this.config, this.rng));
  }

  /** Any device, kiosk or counter. */
  private device(n: number): SimDevice {
    const device = this.devices[n % this.devices.length];
    if (!device) throw new Error('no devices');
    return device;
  }

  private kiosk(n: number): SimDevice {
    const device = this.kiosks[n % this.kiosks.length];
    if (!device) throw new Error('no kiosks');
    return device;
  }

  /** A counter, or none when the run has none. */
  private counter(n: number): SimCounter | undefined {
    return this.counters[n % Math.max(1, this.counters.length)];
  }

  async apply(command: Command): Promise<void> {
    switch (command.kind) {
      case 'issue':
        this.time += command.dt;
        return this.issue(this.kiosk(command.device), command.service, false);
      case 'rush': {
        this.time += command.dt;
        const kiosk = this.kiosk(command.device);
        for (let i = 0; i < command.count; i += 1) {
          this.time += 20_000;
          await this.issue(kiosk, command.service + i, false);
        }
        return this.stats.add('issue.rush');
      }
      case 'sync':
        this.time += command.dt;
        return this.sync(this.device(command.device));
      case 'syncAll':
        this.time += command.dt;
        for (const device of this.devices) await this.sync(device);
        return this.stats.add('sync.all');
      case 'syncPair': {
        this.time += command.dt;
        const a = this.device(command.device);
        const b = this.device(command.other);
        this.stats.add('sync.concurrent');
        await Promise.all(a === b ? [this.sync(a)] : [this.sync(a), this.sync(b)]);
        return;
      }
      case 'faults':
        this.network.rates = command.rates;
        return this.stats.add('net.faultRatesSet');
      case 'partition':
        this.network.partitioned.add(command.device % this.devices.length);
        return this.stats.add('net.partition');
      case 'reconnect':
        this.network.partitioned.delete(command.device % this.devices.length);
        return;
      case 'deliverHeld':
        return this.network.deliverHeld(command.index);
      case 'crashInSync': {
        this.time += command.dt;
        const device = this.device(command.device);
        device.armCrash(command.atWrite);
        await this.sync(device, true);
        return this.restart(device, 'sync');
      }
      case 'crashInIssue': {
        const device = this.kiosk(command.device);
        device.armCrash(command.atWrite);
        await this.issue(device, command.service, true);
        return this.restart(device, 'issue');
      }
      case 'restartDevice':
        return this.restart(this.device(command.device), 'idle');
      case 'clockJump':
        this.device(command.device).skewMs += command.ms;
        return this.stats.add(Math.abs(command.ms) >= DAY_MS ? 'clock.jumpDays' : 'clock.jump');
      case 'advance':
        this.time += command.ms;
        return;
      case 'backup':
        this.devicesAtBackup[this.server.backup()] = this.devices.length;
        return this.stats.add('server.backup');
      case 'join':
        if (this.kiosks.length >= MAX_DEVICES) return;
        await this.enroll('kiosk');
        return this.stats.add('device.joined');
      case 'restore':
        return this.restore(command.back);
      case 'serverRestart':
        await this.server.restart(command.clean);
        return this.stats.add(command.clean ? 'server.restartClean' : 'server.restartCrash');
      case 'openLoket':
        this.time += command.dt;
        return this.counterDoes(command.counter, (c) => c.open(command.services));
      case 'closeLoket':
        this.time += command.dt;
        return this.counterDoes(command.counter, (c) => c.close(command.pause));
      case 'callNext':
        this.time += command.dt;
        return this.counterDoes(command.counter, async (c) => {
          if (command.fresh) await this.freshen([c]);
          return c.callNext();
        });
      case 'callSpecific':
        this.time += command.dt;
        return this.counterDoes(command.counter, async (c) => {
          if (command.fresh) await this.freshen([c]);
          return c.callSpecific(command.pick);
        });
      case 'callNumber': {
        this.time += command.dt;
        const tickets = [...this.committed.values()].flatMap(({ event }) =>
          isEventOf(event, 'ticket.issued') ? [event.data.number] : [],
        );
        const typed = tickets[command.pick % Math.max(1, tickets.length)];
        if (typed === undefined) return;
        return this.counterDoes(command.counter, (c) => c.callNumber(typed));
      }
      case 'callBoth': {
        this.time += command.dt;
        // `other` counts among the counters but `counter`: two counters whenever there are.
        const n = this.counters.length;
        const a = this.counter(command.counter);
        const b = this.counter(
          n < 2 ? command.counter : command.counter + 1 + (command.other % (n - 1)),
        );
        if (!a || !b) return;
        await this.freshen(a === b ? [a] : [a, b]);
        // Neither has seen the other's call: both call from their replica as it is now.
        const called: (string | undefined)[] = [];
        for (const counter of a === b ? [a] : [a, b]) {
          await this.counterDoes(counter.index, async (c) => {
            const acted = await c.callNext();
            called.push(acted.called?.id);
            return acted;
          });
        }
        if (called[0] !== undefined && called[0] === called[1]) this.stats.add('call.bothSame');
        return;
      }
      case 'recall':
      case 'serve':
      case 'finish':
      case 'noShow': {
        this.time += command.dt;
        const action = command.kind;
        return this.counterDoes(command.counter, (c) => c.act(action, command.pick));
      }
      case 'transfer':
        this.time += command.dt;
        return this.counterDoes(command.counter, (c) => c.transfer(command.pick, command.service));
      case 'crashInCall':
        return this.counterDoes(command.counter, (c) => c.callNext(), command.atWrite);
    }
  }

  /**
   * What the event streams would have brought before a call: every kiosk with tickets to
   * push syncs, then the counters given — not the other counters, whose calls they have
   * not seen.
   */
  private async freshen(counters: SimCounter[]): Promise<void> {
    for (const kiosk of this.kiosks) {
      const [clock, state] = await Promise.all([readClock(kiosk.db), readSyncState(kiosk.db)]);
      if (clock.deviceSeq > state.ackSeq) await this.sync(kiosk);
    }
    for (const counter of counters) await this.sync(counter.device);
  }

  /**
   * Runs one counter command (nothing when the run has no counter), with a crash armed at
   * write `crashAt` when given (then the device restarts); the events it committed — read
   * back from the device's log, so a crash counts only what committed — are recorded for I1.
   */
  private async counterDoes(
    n: number,
    does: (counter: SimCounter) => Promise<Acted>,
    crashAt?: number,
  ): Promise<void> {
    const counter = this.counter(n);
    if (!counter) return;
    const { device } = counter;
    const before = (await readClock(device.db)).deviceSeq;
    if (crashAt !== undefined) device.armCrash(crashAt);
    try {
      const acted = await does(counter);
      this.stats.add(acted.what);
      // A loket the command opened before acting (none was open today).
      const opened = acted.events.filter((e) => e.type === 'counter.opened').length;
      if (acted.what !== 'counter.opened' && opened > 0) this.stats.add('counter.openedFirst');
    } catch (error) {
      if (crashAt === undefined) throw error;
      this.stats.add('call.crashed');
    }
    if (crashAt !== undefined) await this.restart(device, 'call');
    for (const event of await readAllEvents(device.db)) {
      if (event.deviceId !== device.identity.deviceId || event.deviceSeq <= before) continue;
      if (!this.committed.has(event.id)) this.committed.set(event.id, { event, device: device.n });
    }
  }

  private async issue(device: SimDevice, service: number, crashing: boolean): Promise<void> {
    const serviceId = SERVICES[service % SERVICES.length] ?? SERVICES[0];
    try {
      const ticket = await device.issue(serviceId);
      const event = (await device.db.get('events', ticket.id)) as KioskEvent | undefined;
      if (!event) throw new InvariantViolation('I1', `ticket ${ticket.number} not in the log`);
      this.committed.set(event.id, { event, device: device.n });
      this.stats.add(ticket.emergency ? 'issue.emergency' : 'issue.leased');
    } catch (error) {
      if (error instanceof IssueError && error.failure === 'quota-exhausted') {
        return this.stats.add('issue.quotaReached');
      }
      if (crashing && error instanceof IssueError) return this.stats.add('issue.crashed');
      throw error;
    }
  }

  private async sync(device: SimDevice, crashing = false): Promise<void> {
    try {
      const result = await device.sync();
      this.stats.add('sync.ok');
      if (result.pulled.reset) this.stats.add('sync.pullReset');
      if (result.pushed.rewound) this.stats.add('sync.pushRewound');
      if (result.leased.error) this.stats.add('sync.leaseRefused');
    } catch (error) {
      if (error instanceof TransportError) {
        return this.stats.add(`sync.failed.${error.kind}${error.status ?? ''}`);
      }
      if (error instanceof PushStalledError) return this.stats.add('sync.failed.stalled');
      if (crashing) return this.stats.add('sync.crashed');
      throw error;
    }
  }

  private async restart(device: SimDevice, during: string): Promise<void> {
    const fired = await device.restart();
    this.stats.add(fired ? `crash.${during}` : 'device.restart');
    // A counter reads today's log as it starts (src/app/counter/runtime.ts).
    await this.counters.find((c) => c.device === device)?.book();
  }

  private async restore(back: number): Promise<void> {
    const count = this.server.backupCount;
    if (count === 0) return;
    const before = this.server.inspect();
    const previous = [...this.server.epochs];
    const index = count - 1 - (back % count);
    await this.server.restore(index);
    const after = this.server.inspect();
    this.stats.add('server.restore');
    this.stats.add('server.eventsLost', Math.max(0, before.head - after.head));
    // The database forgot grants; the quota ledger beside it gave them back (I8).
    if (after.quotaRelearned > before.quotaRelearned) this.stats.add('server.quotaRelearned');
    // Kiosks enrolled after the backup: the ledger gives them back (I3, I11 check the rest).
    if (this.devices.length > (this.devicesAtBackup[index] ?? 0)) {
      this.stats.add('server.devicesRelearned');
    }
    if (previous.includes(this.server.store.epoch)) {
      throw new InvariantViolation('I11', 'a restored server kept an epoch it had before');
    }
  }

  async snapshot(): Promise<Snapshot> {
    // Rejections surface a macrotask after the step that caused them.
    await new Promise((resolve) => setImmediate(resolve));
    const unhandled = takeUnhandledRejections();
    if (unhandled.length > 0) {
      throw new Error(`unhandled rejection: ${String(unhandled[0])}`, { cause: unhandled[0] });
    }
    if (this.server.errors.length > 0) {
      throw new Error(`the server answered 500: ${String(this.server.errors[0])}`);
    }
    return {
      server: this.server.inspect(),
      devices: await Promise.all(this.devices.map((d) => d.view())),
      committed: this.committed,
      config: this.config,
    };
  }

  /** Heals the network, runs the bounded sync rounds and checks convergence. */
  async quiesce(): Promise<void> {
    await this.network.heal();
    this.time += 1000;
    for (let round = 1; round <= SYNC_ROUNDS_BOUND; round += 1) {
      for (const device of this.devices) {
        await device.sync().catch((error: unknown) => {
          throw new InvariantViolation(
            'I9',
            `sync of ${device.identity.deviceId} failed after heal in round ${round}: ${String(error)}`,
          );
        });
      }
    }
    // The counters' tick: each reads today's log if it does not hold it yet.
    for (const counter of this.counters) await counter.book();
    const snapshot = await this.snapshot();
    checkSafety(snapshot);
    checkConverged(snapshot, this.rng, SYNC_ROUNDS_BOUND);
    for (const visit of this.config.visits) {
      checkVisitReport(snapshot, visit, await this.server.visitReport(visit.id));
    }
    const seen = countConflicts(snapshot);
    for (const [name, n] of seen) this.stats.add(name, n);
    if (this.counters.length >= 2) this.stats.add('run.twoCounters');
    if ((seen.get('conflict.doubleCall') ?? 0) > 0) this.stats.add('run.doubleCalled');
    for (const device of this.devices) {
      const r = await device.sync();
      const moved = r.pushed.accepted + r.pulled.added;
      if (moved > 0 || r.pulled.reset || r.pushed.rewound) {
        throw new InvariantViolation(
          'I9',
          `${device.identity.deviceId} still moved events after the bound`,
        );
      }
    }
    this.stats.add('run.quiesced');
  }

  async dispose(): Promise<void> {
    for (const device of this.devices) device.close();
    await this.server.dispose();
  }
}

/** Runs one case; rejects with the first invariant that fails (and the step it failed at). */
export async function runCase(c: ChaosCase, stats: Stats = new Stats()): Promise<void> {
  watchUnhandledRejections();
  takeUnhandledRejections();
  const world = await World.create(c, stats);
  try {
    checkSafety(await world.snapshot());
    for (const [i, command] of c.commands.entries()) {
      try {
        await world.apply(command);
        checkSafety(await world.snapshot());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`step ${i + 1} (${describeCommand(command)}): ${message}`, {
          cause: error,
        });
      }
    }
    await world.quiesce();
    stats.add('run.steps', c.commands.length);
  } finally {
    await world.dispose();
  }
}
