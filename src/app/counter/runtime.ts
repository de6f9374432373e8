/**
 * A running counter (loket): the device's replica and sync, the staff who may sign in here,
 * the signed-in session, and the view the screens render. Every action is one event in the
 * device's log, appended through the replica; what a loket holds and what waits is read
 * from the queue state, never kept beside it (one owner per state).
 * Must: works with the server down (sign-in from cached verifiers, calls from the replica);
 * an action on a ticket carries the ticket's business day; a refused action (a ticket
 * another counter called first) is shown to this counter, never dropped; the signed-in
 * person acts only on tickets of their agencies, and hears when the server held actions back.
 */

import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { QueueBook } from '../../domain/queue';
import { conflictsOf, counters } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
import { businessDayOf } from '../../domain/time';
import { appendEvent } from '../../replica/append';
import { Replica } from '../../replica/replica';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { newId } from '../../storage/ids';
import { readStaff } from '../../storage/staff';
import { INITIAL_SYNC_STATE, readSyncState } from '../../storage/sync-state';
import { createStaffClient } from '../../sync/staff-client';
import type { CounterLanguage } from '../../ui/counter/text';
import type { CounterActions, CounterStore, CounterView, Message } from '../../ui/counter/view';
import { startDeviceSync } from '../device-sync';
import { conflictNotice, NOTICES, quarantineNotice, signInRefusal } from './messages';
import { screenOf } from './screen';
import { refreshStaff, setFirstPin, signIn } from './sign-in';
import { signInReporter } from './sign-in-reports';
import { type RecordEvent, ticketActions } from './ticket-actions';

export type CounterDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
};

const TICK_MS = 30_000;
const STAFF_REFRESH_MS = 5 * 60_000;

/** Starts a counter; stop() ends its sync, timers and listeners. */
export function startCounter(deps: CounterDeps) {
  const now = deps.now ?? Date.now;
  const { db, identity, config, profile } = deps;
  const today = () => businessDayOf(now(), config.site.timeZone);
  const replica = new Replica(db, { priorityCap: config.site.priorityCap });
  const listeners = new Set<() => void>();
  const session = {
    lang: profile.language as CounterLanguage,
    staff: [] as StaffVerifier[],
    me: null as StaffVerifier | null,
    message: null as Message | null,
    busy: false,
    online: true,
    /** Refused actions already shown (their event ids). */
    seenConflicts: new Set<string>(),
    version: 0,
  };
  let cached: { key: string; view: CounterView } | null = null;
  const changed = () => {
    session.version += 1;
    for (const listener of [...listeners]) listener();
  };
  const tell = (message: Message) => {
    session.message = message;
    changed();
  };

  let quarantinedSeen = 0;
  /** The server clock's offset: the sync loop's once it runs, read once before that. */
  let offsetMs: number | null = null;
  const serverOffset = async () =>
    offsetMs ?? (await readSyncState(db).catch(() => INITIAL_SYNC_STATE)).serverOffsetMs;
  const sync = startDeviceSync({ db, identity, config, profile, now, replica }, (status) => {
    offsetMs = status.serverOffsetMs ?? offsetMs;
    session.online = status.online;
    if (status.quarantined > quarantinedSeen) {
      session.message = quarantineNotice(status.quarantined - quarantinedSeen);
      quarantinedSeen = status.quarantined;
    }
    changed();
  });
  const staffClient = createStaffClient({ baseUrl: '', token: identity.token });
  const reporter = signInReporter(db, staffClient);
  const loadStaff = async () => {
    session.staff = (await readStaff(db).catch(() => ({ staff: [] }))).staff;
    changed();
    try {
      session.staff = await refreshStaff(db, staffClient, now());
      changed();
      // The server answers again: PINs checked while it did not are counted there now.
      void reporter.flush();
    } catch {
      // Offline or refused: the cached verifiers serve until the next try.
    }
  };
  void loadStaff();
  void replica.loadDay(today()).catch(() => tell(NOTICES.logUnreadable));
  const unsubscribe = replica.subscribe(changed);
  const tick = setInterval(() => {
    if (!replica.holds(today())) void replica.loadDay(today()).catch(() => {});
    changed();
  }, TICK_MS);
  const staffTimer = setInterval(() => void loadStaff(), STAFF_REFRESH_MS);

  /** This device's loket today, as its last change says; null when none is open. */
  const myLoket = (book: QueueBook) => {
    const mine = counters(book, today()).find((c) => c.deviceId === identity.deviceId);
    return mine && mine.state !== 'closed' ? mine : null;
  };

  /** Records one action; whether it was stored (when not, staff are told). */
  const record: RecordEvent = async (type, data, businessDay) => {
    const serverOffsetMs = await serverOffset();
    offsetMs ??= serverOffsetMs;
    const at = now();
    try {
      await appendEvent(replica, identity, {
        id: newId(at),
        physicalMs: at + serverOffsetMs,
        businessDay,
        type,
        data,
      });
      session.message = null;
      // A call must reach the board at once: no write debounce for a counter's actions.
      sync.requestSync('manual');
      changed();
      return true;
    } catch {
      tell(NOTICES.notStored);
      return false;
    }
  };

  const actions: CounterActions = {
    ...ticketActions({
      config,
      replica,
      today,
      myLoket,
      me: () => session.me,
      record,
      tell,
    }),
    setLanguage(lang) {
      session.lang = lang;
      changed();
    },
    signIn(staffId, pin) {
      const person = session.staff.find((s) => s.staffId === staffId);
      if (!person) return;
      session.busy = true;
      changed();
      void signIn(db, person, pin, now(), reporter.report).then((result) => {
        session.busy = false;
        if (result.ok) {
          session.me = result.staff;
          session.message = null;
          changed();
        } else tell(signInRefusal(result));
      });
    },
    firstPin(setupCode, pin) {
      session.busy = true;
      changed();
      setFirstPin(db, staffClient, setupCode, pin).then(
        (person) => {
          session.busy = false;
          session.staff = [...session.staff.filter((s) => s.staffId !== person.staffId), person];
          session.me = person;
          session.message = null;
          changed();
        },
        (failure: { id: string; en: string }) => {
          session.busy = false;
          tell({ ...failure, tone: 'warn' });
        },
      );
    },
    signOut() {
      const book = replica.state;
      const loket = book && myLoket(book);
      if (loket && session.me) {
        void record('counter.closed', { loket: loket.loket, staffId: session.me.staffId }, today());
      }
      session.me = null;
      session.message = null;
      changed();
    },
    openLoket(loket, serviceIds) {
      if (!session.me) return;
      void record('counter.opened', { loket, staffId: session.me.staffId, serviceIds }, today());
    },
    pause: () => change('counter.paused'),
    resume() {
      const book = replica.state;
      const loket = book && myLoket(book);
      if (!loket || !session.me) return;
      void record(
        'counter.opened',
        { loket: loket.loket, staffId: session.me.staffId, serviceIds: [...loket.serviceIds] },
        today(),
      );
    },
    close: () => change('counter.closed'),
    dismissMessage() {
      session.message = null;
      changed();
    },
  };

  function change(type: 'counter.paused' | 'counter.closed') {
    const book = replica.state;
    const loket = book && myLoket(book);
    if (!loket || !session.me) return;
    void record(type, { loket: loket.loket, staffId: session.me.staffId }, today());
  }

  const view = (): CounterView => {
    const book = replica.state;
    const loket = book && myLoket(book);
    // A refused action is shown once, on the desk of a signed-in person.
    const desk = book && loket && session.me;
    const message = session.message ?? (desk ? conflictMessage(book) : null);
    return screenOf({
      ...session,
      message,
      book,
      loket,
      config,
      profile,
      deviceId: identity.deviceId,
      now: now(),
    });
  };

  /** A refused action of this counter not shown yet: why, and what to tell the citizen. */
  function conflictMessage(book: QueueBook): Message | null {
    const fresh = conflictsOf(book, identity.deviceId).filter(
      (c) => !session.seenConflicts.has(c.eventId),
    );
    const latest = fresh.at(-1);
    if (!latest) return null;
    for (const c of fresh) session.seenConflicts.add(c.eventId);
    session.message = conflictNotice(latest, book.ticket(latest.ticketId)?.number ?? '');
    return session.message;
  }

  const store: CounterStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      const key = `${session.version}:${replica.version}`;
      if (cached?.key !== key) cached = { key, view: view() };
      return cached.view;
    },
  };

  return {
    store,
    actions,
    replica,
    /** An MPP bergerak unit's counter: one device with the kiosk and /mobile. */
    unit: profile.surface === 'mobile',
    stop() {
      clearInterval(tick);
      clearInterval(staffTimer);
      unsubscribe();
      sync.stop();
    },
  };
}

export type CounterRuntime = ReturnType<typeof startCounter>;
