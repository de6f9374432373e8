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
import type { EventData, EventType } from '../../domain/events';
import type { QueueBook, TicketView } from '../../domain/queue';
import { conflictsOf, counters, nextFor } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
import { businessDayOf } from '../../domain/time';
import { findService } from '../../machines/kiosk.selectors';
import { appendEvent } from '../../replica/append';
import { Replica } from '../../replica/replica';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { newId } from '../../storage/ids';
import { readStaff } from '../../storage/staff';
import { readSyncState } from '../../storage/sync-state';
import type { CounterLanguage } from '../../ui/counter/text';
import type { CounterActions, CounterStore, CounterView, Message } from '../../ui/counter/view';
import { startDeviceSync } from '../device-sync';
import { deskOf, findTicket, queuesOf, servicesOf } from './desk-view';
import { agencyRefusal, quarantineNotice } from './refusals';
import { refreshStaff, type SignInResult, setFirstPin, signIn } from './sign-in';

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
  // Every queue of the site: a typed number may be of a ticket transferred here.
  const siteQueues = queuesOf(
    config,
    config.agencies.flatMap((a) => a.services.map((s) => s.id)),
  );
  const say = (id: string, en: string, tone: Message['tone'] = 'warn') => {
    session.message = { id, en, tone };
    changed();
  };

  let quarantinedSeen = 0;
  const sync = startDeviceSync({ db, identity, config, profile, now, replica }, (status) => {
    session.online = status.online;
    if (status.quarantined > quarantinedSeen) {
      session.message = quarantineNotice(status.quarantined - quarantinedSeen);
      quarantinedSeen = status.quarantined;
    }
    changed();
  });
  const loadStaff = async () => {
    session.staff = (await readStaff(db).catch(() => ({ staff: [] }))).staff;
    changed();
    try {
      session.staff = await refreshStaff(db, identity.token, now());
      changed();
    } catch {
      // Offline or refused: the cached verifiers serve until the next try.
    }
  };
  void loadStaff();
  void replica
    .loadDay(today())
    .catch(() => say('Log perangkat tidak terbaca.', 'The device log cannot be read.', 'danger'));
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
  const record = async <T extends EventType>(
    type: T,
    data: EventData<T>,
    businessDay: string,
  ): Promise<boolean> => {
    const { serverOffsetMs } = await readSyncState(db).catch(() => ({ serverOffsetMs: 0 }));
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
      say(
        'Tindakan tidak tersimpan: penyimpanan perangkat bermasalah.',
        'The action was not stored: the device storage failed.',
        'danger',
      );
      return false;
    }
  };

  const actionOn = (ticket: TicketView | undefined, loket: string) =>
    ticket && session.me ? { ticketId: ticket.id, loket, staffId: session.me.staffId } : null;

  const actions: CounterActions = {
    setLanguage(lang) {
      session.lang = lang;
      changed();
    },
    signIn(staffId, pin) {
      const person = session.staff.find((s) => s.staffId === staffId);
      if (!person) return;
      session.busy = true;
      changed();
      void signIn(db, person, pin, now()).then((result) => {
        session.busy = false;
        if (result.ok) {
          session.me = result.staff;
          session.message = null;
          changed();
        } else sayRefusal(result);
      });
    },
    firstPin(setupCode, pin) {
      session.busy = true;
      changed();
      setFirstPin(db, identity.token, setupCode, pin).then(
        (person) => {
          session.busy = false;
          session.staff = [...session.staff.filter((s) => s.staffId !== person.staffId), person];
          session.me = person;
          session.message = null;
          changed();
        },
        (failure: { id: string; en: string }) => {
          session.busy = false;
          say(failure.id, failure.en);
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
    callNext() {
      const book = replica.state;
      const loket = book && myLoket(book);
      if (!book || !loket) return;
      const next = nextFor(book, today(), loket.serviceIds);
      const data = actionOn(next ?? undefined, loket.loket);
      if (!next || !data) return say('Tidak ada yang menunggu.', 'Nobody is waiting.', 'info');
      if (refuse(next)) return;
      void record('ticket.called', { ...data, mode: 'next' }, next.businessDay);
    },
    recall: (id) => act('ticket.recalled', id, {}),
    serve: (id) => act('ticket.serving', id, {}),
    finish: (id) => act('ticket.finished', id, { outcome: 'done' }),
    noShow: (id) => act('ticket.no-show', id, {}),
    transfer(id, serviceId) {
      const target = findService(config, serviceId);
      if (!target) return;
      act('ticket.transferred', id, {
        toAgencyId: target.agency.id,
        toServiceId: target.service.id,
        toPrefix: target.service.prefix ?? target.agency.prefix,
      });
    },
    callSpecific(query, reason) {
      const book = replica.state;
      const loket = book && myLoket(book);
      if (!book || !loket || !session.me) return;
      const found = findTicket(book, today(), query, siteQueues, loket.serviceIds);
      if (found.kind === 'none') {
        return say(
          `Nomor ${query} tidak ditemukan di antrean hari ini.`,
          `Number ${query} is not in today’s queue.`,
        );
      }
      if (found.kind === 'taken') {
        return say(
          `Nomor ${found.number} sudah dipanggil atau selesai dilayani.`,
          `Number ${found.number} has been called or served already.`,
        );
      }
      if (refuse(book.ticket(found.id))) return;
      const data = { ticketId: found.id, loket: loket.loket, staffId: session.me.staffId };
      const unseen = found.unseen ? { unseen: found.unseen } : {};
      const called = record(
        'ticket.called',
        { ...data, mode: 'specific', reason, ...unseen },
        found.businessDay,
      );
      const n = found.unseen?.number;
      if (n === undefined) return;
      // Said once the call is stored: storing clears the previous message.
      void called.then((stored) => {
        if (!stored) return;
        say(
          `Nomor ${n} belum ada di antrean loket ini (kios terputus?). Dipanggil dengan nomornya; dicocokkan saat tiketnya tiba.`,
          `Number ${n} is not in this counter’s queue yet (kiosk cut off?). Called by its number; matched when its ticket arrives.`,
          'info',
        );
      });
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

  function act<
    T extends
      | 'ticket.recalled'
      | 'ticket.serving'
      | 'ticket.finished'
      | 'ticket.no-show'
      | 'ticket.transferred',
  >(type: T, ticketId: string, extra: Omit<EventData<T>, 'ticketId' | 'loket' | 'staffId'>) {
    const book = replica.state;
    const loket = book && myLoket(book);
    // A ticket not seen here yet is acted on by the id its call named.
    const ticket =
      book?.ticket(ticketId) ??
      book
        ?.model()
        .refs.unseenTickets()
        .find((t) => t.id === ticketId);
    // A ticket seen here is judged by its agency now; an unseen one cannot be, here or at the server.
    if (!ticket || !loket || !session.me || refuse(book?.ticket(ticketId))) return;
    const data = { ticketId: ticket.id, loket: loket.loket, staffId: session.me.staffId };
    void record(type, { ...data, ...extra } as EventData<T>, ticket.businessDay);
  }

  /** Says why the signed-in person may not act on the ticket, if they may not. */
  function refuse(ticket: TicketView | undefined): boolean {
    const refusal = session.me && agencyRefusal(ticket, session.me);
    if (refusal) say(refusal.id, refusal.en, refusal.tone);
    return Boolean(refusal);
  }

  function change(type: 'counter.paused' | 'counter.closed') {
    const book = replica.state;
    const loket = book && myLoket(book);
    if (!loket || !session.me) return;
    void record(type, { loket: loket.loket, staffId: session.me.staffId }, today());
  }

  function sayRefusal(result: Exclude<SignInResult, { ok: true }>) {
    if (result.reason === 'wrong') {
      say(
        `PIN salah. Sisa percobaan: ${result.triesLeft}.`,
        `Wrong PIN. Tries left: ${result.triesLeft}.`,
      );
    } else if (result.reason === 'locked') {
      const m = Math.ceil(result.retryAfterMs / 60_000);
      say(
        `Terlalu banyak PIN salah. Coba lagi dalam ${m} menit.`,
        `Too many wrong PINs. Try again in ${m} minutes.`,
        'danger',
      );
    } else if (result.reason === 'blocked') {
      say('Akun ini dikunci oleh admin.', 'An admin has locked this account.', 'danger');
    } else {
      say('Belum ada PIN. Pilih “Masuk pertama kali”.', 'No PIN yet. Choose “First sign-in”.');
    }
  }

  const view = (): CounterView => {
    const { lang } = session;
    const book = replica.state;
    if (!session.me) {
      const staff = [...session.staff]
        .sort((a, b) => a.name.localeCompare(b.name, 'id'))
        .map((s) => ({
          staffId: s.staffId,
          name: s.name,
          hasPin: s.pin !== null,
          locked: s.locked,
        }));
      return { screen: 'sign-in', lang, staff, message: session.message, busy: session.busy };
    }
    if (!book) return { screen: 'loading', lang };
    const _day = today();
    const loket = myLoket(book);
    const mine = servicesOf(config, profile, session.me, lang);
    if (!loket)
      return {
        screen: 'open-loket',
        lang,
        me: session.me.name,
        services: mine,
        message: session.message,
      };
    const desk = deskOf(book, config, identity.deviceId, loket, lang, now());
    return {
      screen: 'desk',
      lang,
      me: session.me.name,
      loket: loket.loket,
      paused: loket.state === 'paused',
      ...desk,
      message: session.message ?? conflictMessage(book),
      online: session.online,
    };
  };

  /** A refused action of this counter not shown yet: why, and what to tell the citizen. */
  function conflictMessage(book: QueueBook): Message | null {
    const fresh = conflictsOf(book, identity.deviceId).filter(
      (c) => !session.seenConflicts.has(c.eventId),
    );
    const latest = fresh.at(-1);
    if (!latest) return null;
    const number = book.ticket(latest.ticketId)?.number ?? '';
    for (const c of fresh) session.seenConflicts.add(c.eventId);
    session.message = latest.heldAt
      ? {
          id: `Nomor ${number} sudah dipanggil di loket ${latest.heldAt}. Mohon minta warga menunggu panggilan di sana.`,
          en: `Number ${number} was already called at counter ${latest.heldAt}. Please ask the citizen to wait there.`,
          tone: 'warn',
        }
      : {
          id: `Nomor ${number} sudah ditangani loket lain. Mohon minta warga menunggu.`,
          en: `Number ${number} is handled by another counter. Please ask the citizen to wait.`,
          tone: 'warn',
        };
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
    stop() {
      clearInterval(tick);
      clearInterval(staffTimer);
      unsubscribe();
      sync.stop();
    },
  };
}

export type CounterRuntime = ReturnType<typeof startCounter>;
