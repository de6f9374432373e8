/**
 * One device of a chaos run, a kiosk or a counter: its own IndexedDB (its own
 * fake-indexeddb factory), its identity from enrollment (with its profile), a wall clock
 * that may be days off, the kiosk's real issue path (makeIssueTicket: leases choose the
 * day, one strict transaction) or the counter's (./counter.ts: appendEvent through the
 * replica), and the real sync engine over the simulated network. It can crash and
 * restart, losing nothing but what was not committed.
 */
import type { ActionConflict, CounterView, QueueBook, QueueState } from '../../src/domain/queue';
import { conflictsOf, counters, queueState } from '../../src/domain/queue-read';
import { Replica } from '../../src/replica/replica';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { makeIssueTicket } from '../../src/app/kiosk/issue';
import { leaseNeeds } from '../../src/app/kiosk/lease-needs';
import type { ConfigBundle, Profile } from '../../src/domain/config/schema';
import type { KioskEvent } from '../../src/domain/events';
import { uuidv7From } from '../../src/domain/ids';
import type { Issuer } from '../../src/domain/quotas';
import { businessDayOf } from '../../src/domain/time';
import type { IssuedTicket } from '../../src/machines/kiosk.types';
import {
  type AnjunganDatabase,
  type ClockState,
  type CursorRecord,
  type DeviceIdentity,
  openAnjunganDb,
  type QuotaRecord,
  type SyncState,
} from '../../src/storage/db';
import { saveIdentity } from '../../src/storage/device';
import { readAllEvents, readClock } from '../../src/storage/events';
import { readSyncState } from '../../src/storage/sync-state';
import { type SyncDeps, type SyncResult, syncOnce } from '../../src/sync/engine';
import { createHttpTransport } from '../../src/sync/transport';
import { armCrash, disarmCrash } from './crash';
import type { Rng } from './rng';
import type { Enrolled } from './server';

/** What a device holds right now. */
export type DeviceView = {
  n: number;
  deviceId: string;
  /** Its profile, as quotas see it (which pool it draws on). */
  profile: Issuer;
  events: KioskEvent[];
  clock: ClockState;
  sync: SyncState;
  cursors: CursorRecord[];
  quotas: QuotaRecord[];
  /**
   * The replica's queue state (src/replica): the days it holds, the state itself, the
   * lokets of those days and the refused actions of every device its log names.
   */
  replica: {
    days: string[];
    state: QueueState | null;
    lokets: CounterView[];
    conflicts: ActionConflict[];
  };
};

/** The read side beyond `QueueState`: lokets of `days`, refused actions of `deviceIds`. */
export function readSide(
  book: QueueBook,
  days: readonly string[],
  deviceIds: Iterable<string>,
): { lokets: CounterView[]; conflicts: ActionConflict[] } {
  const lokets = [...days].sort().flatMap((day) => counters(book, day));
  const conflicts = [...new Set(deviceIds)]
    .flatMap((id) => conflictsOf(book, id))
    .sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  return { lokets, conflicts };
}

export type DeviceOptions = {
  config: ConfigBundle;
  /** Its profile: the kiosks' (the config's first) or the counter one. */
  profile: Profile;
  /** The simulated time every clock derives from (the server's clock). */
  time: () => number;
  rng: Rng;
  fetch: typeof fetch;
  batchSize: number;
  pageSize: number;
};

export class SimDevice {
  /** How far this device's wall clock is from the server's (ms). */
  skewMs = 0;
  db!: AnjunganDatabase;
  /** The device's queue state, as the kiosk keeps it (src/replica). */
  replica!: Replica;
  readonly identity: DeviceIdentity;
  private readonly factory = new IDBFactory();
  /** The server offset as the kiosk's sync duties last read it (for today's leases). */
  private offsetMs = 0;

  private constructor(
    readonly n: number,
    enrolled: Enrolled,
    private readonly options: DeviceOptions,
  ) {
    this.identity = {
      deviceId: enrolled.deviceId,
      siteId: options.config.site.id,
      name: `${this.isCounter ? 'Loket' : 'Anjungan'} ${n}`,
      profileId: options.profile.id,
      emergencyTag: enrolled.emergencyTag,
      token: enrolled.token,
      enrolledAt: options.time(),
    };
  }

  static async open(n: number, enrolled: Enrolled, options: DeviceOptions): Promise<SimDevice> {
    const device = new SimDevice(n, enrolled, options);
    await device.connect();
    await saveIdentity(device.db, device.identity);
    return device;
  }

  /** Whether this device is a counter (a loket), by its profile. */
  get isCounter(): boolean {
    return this.options.profile.surface === 'counter';
  }

  /** This device's wall clock. */
  now(): number {
    return this.options.time() + this.skewMs;
  }

  /** Issues a ticket of `serviceId` the way the kiosk does. */
  issue(serviceId: string): Promise<IssuedTicket> {
    const { config, rng } = this.options;
    const agency = config.agencies.find((a) => a.services.some((s) => s.id === serviceId));
    const issue = makeIssueTicket({
      db: this.db,
      replica: this.replica,
      identity: this.identity,
      config: () => config,
      profile: () => this.options.profile,
      now: () => this.now(),
      newId: () => uuidv7From(this.now(), rng.bytes(10)),
    });
    return issue({
      agencyId: agency?.id ?? '',
      serviceId,
      priority: null,
      purpose: 'service',
      missing: [],
      language: 'id',
    });
  }

  /** One sync run; afterwards the kiosk reads the offset again, as its sync duties do. */
  async sync(): Promise<SyncResult> {
    try {
      return await syncOnce(this.deps(), new AbortController().signal);
    } finally {
      this.offsetMs = (await readSyncState(this.db).catch(() => null))?.serverOffsetMs ?? 0;
    }
  }

  /** Arms a crash at the n-th write of this connection. */
  armCrash(atWrite: number): void {
    armCrash(unwrap(this.db), atWrite);
  }

  /** Restarts the device (after a crash or not): a new connection to the same database. */
  async restart(): Promise<boolean> {
    const fired = disarmCrash(unwrap(this.db));
    this.db.close();
    await this.connect();
    this.offsetMs = (await readSyncState(this.db)).serverOffsetMs;
    return fired;
  }

  /** Everything the device holds. */
  async view(): Promise<DeviceView> {
    const [events, clock, sync, cursors, quotas] = await Promise.all([
      readAllEvents(this.db),
      readClock(this.db),
      readSyncState(this.db),
      this.db.getAll('cursors'),
      this.db.getAll('quota'),
    ]);
    const book = this.replica.state;
    const days = this.replica.heldDays();
    const replica = {
      days,
      state: book ? queueState(book) : null,
      ...(book
        ? readSide(
            book,
            days,
            events.map((e) => e.deviceId),
          )
        : { lokets: [], conflicts: [] }),
    };
    return {
      n: this.n,
      deviceId: this.identity.deviceId,
      profile: this.options.profile,
      events,
      clock,
      sync,
      cursors,
      quotas,
      replica,
    };
  }

  close(): void {
    this.db.close();
  }

  private async connect(): Promise<void> {
    const previous = globalThis.indexedDB;
    globalThis.indexedDB = this.factory;
    try {
      this.db = await openAnjunganDb();
      this.replica = new Replica(this.db);
    } finally {
      globalThis.indexedDB = previous;
    }
  }

  private deps(): SyncDeps {
    const { config, profile } = this.options;
    return {
      db: this.db,
      transport: createHttpTransport({
        baseUrl: 'http://mpp.test',
        token: this.identity.token,
        fetch: this.options.fetch,
      }),
      device: this.identity,
      now: () => this.now(),
      needs: () =>
        leaseNeeds(
          config,
          profile,
          businessDayOf(this.now() + this.offsetMs, config.site.timeZone),
        ),
      batchSize: this.options.batchSize,
      pageSize: this.options.pageSize,
      onPulled: (events) => this.replica.applyCommitted(events),
    };
  }
}
