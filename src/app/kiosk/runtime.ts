/**
 * A running kiosk: the machine with its real actors, kept informed of availability and
 * config changes. Must: updates of the app and of the config apply only on the attract
 * screen.
 */

import { createActor } from 'xstate';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { missingListPath, ticketLinkPath } from '../../domain/ticket-link';
import { businessDayOf } from '../../domain/time';
import { createKioskMachine } from '../../machines/kiosk.machine';
import type { KioskPorts } from '../../machines/kiosk.setup';
import type { Place } from '../../machines/kiosk.types';
import { Replica } from '../../replica/replica';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { probeStorage } from '../../storage/device';
import { newId } from '../../storage/ids';
import type { KioskLinks } from '../../ui/kiosk/links';
import { holdPrints, printCurrentDocument } from '../print';
import type { IdleDuties } from './idle-duties';
import { makeIssueTicket } from './issue';
import type { KioskSync } from './sync';

export type KioskRuntimeDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
};

/** The clock's part in availability (opening hours, the day's turn) and config checks. */
const TICK_MS = 30_000;
const SW_REGISTER_DELAY_MS = 2_000;

type Prepared = ReturnType<typeof buildMachine>;
let prepared: Prepared | null = null;

/**
 * Builds the kiosk's machine before the device has booted: ../main.tsx calls it while the
 * log opens, and building the machine is ≈ 10–20 ms of a cold start at 4× throttle. The
 * next `startKiosk` takes it and connects its issue port to the booted device.
 */
export function prepareKiosk(): void {
  prepared ??= buildMachine();
}

function buildMachine() {
  let issue: KioskPorts['issueTicket'] = () => Promise.reject(new Error('kiosk not started'));
  let keep: KioskPorts['keepPersonal'] = () => '';
  const machine = createKioskMachine({
    issueTicket: (request) => issue(request),
    printTicket: printCurrentDocument,
    printMissingList: printCurrentDocument,
    keepPersonal: (given) => keep(given),
  });
  return {
    machine,
    connect(port: KioskPorts['issueTicket'], keeper: KioskPorts['keepPersonal']) {
      issue = port;
      keep = keeper;
    },
  };
}

/** Starts the kiosk machine, its replica, its sync and its background duties; stop() ends them. */
export function startKiosk(deps: KioskRuntimeDeps) {
  const now = deps.now ?? Date.now;
  const place: Place = deps.profile.surface === 'mobile' ? 'mobile' : 'lobby';
  let config = deps.config;
  let profile = deps.profile;
  const today = () => businessDayOf(now(), config.site.timeZone);
  const replica = new Replica(deps.db, { priorityCap: config.site.priorityCap });
  const sync = deviceSync(() =>
    import('./sync').then((m) =>
      m.startKioskSync({
        db: deps.db,
        identity: deps.identity,
        now,
        config: () => config,
        profile: () => profile,
        onPulled: (events) => replica.applyCommitted(events),
      }),
    ),
  );
  const background = idleDuties(
    () =>
      import('./idle-duties').then((m) =>
        m.startIdleDuties({
          actor,
          links,
          checkIn: { db: deps.db, identity: deps.identity, issue: issueTicket, replica },
          // Imported from here, not from the duties' chunk (vite.config.ts, lazy imports).
          loadGuide: () => import('./speech/guide'),
        }),
      ),
    () => void refreshConfigNow(),
  );
  const { machine, connect } = prepared ?? buildMachine();
  prepared = null;
  const issueTicket = makeIssueTicket({
    db: deps.db,
    replica,
    identity: deps.identity,
    config: () => config,
    profile: () => profile,
    now,
    newId: () => newId(now()),
    // In a task of its own: the sync's reads do not hold up the ticket's screen.
    onIssued: () => setTimeout(() => sync.started()?.requestSync('write')),
  });
  // Consented personal data goes to its own outbox, never the log (src/storage/personal-outbox.ts).
  connect(issueTicket, (given) => {
    const entry = { ...given, ref: newId(now()), consentedAt: now() };
    void import('../../storage/personal-outbox').then((m) => m.keepPersonal(deps.db, entry));
    return entry.ref;
  });
  const actor = createActor(machine, { input: { config, profile: deps.profile, place } });

  // Availability follows the replica (a ticket here, a page pulled) and the clock (hours);
  // the log is read once per day, never per update.
  const sendAvailability = () => {
    const day = today();
    const book = replica.state;
    // Without the state's code (not cached yet, offline) the kiosk still issues; it is
    // asked for again at the next tick. A log that cannot be read is a storage fault.
    replica.stateCode().then(
      (code) => {
        if (!book || !replica.holds(day)) {
          replica.loadDay(day).catch(() => actor.send({ type: 'storage.failed' }));
          return;
        }
        const channel = place === 'mobile' ? 'mobile' : 'kiosk';
        const issued = (d: string, serviceId: string) => book.issuedCount(d, serviceId, channel);
        actor.send({
          type: 'availability.updated',
          availability: code.availabilityMap(config, issued, day, now(), profile),
          // Every ticket of the day the device knows (all kiosks), not only this place's.
          popular: code.mostAsked(config.agencies, (id) => book.issuedCount(day, id), 8),
        });
      },
      () => {},
    );
  };
  // Once per burst of changes, in a task of its own: a ticket being shown does not wait.
  let availabilityTimer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribeReplica = replica.subscribe(() => {
    clearTimeout(availabilityTimer);
    availabilityTimer = setTimeout(sendAvailability);
  });
  // Config updates come with the idle duties: the kiosk starts from its cached config.
  const refreshConfigNow = async () => {
    const duties = background.started();
    if (!duties) return;
    const result = await duties.refreshConfig(deps.db, now()).catch(() => null);
    if (result?.changed && result.config) {
      config = result.config;
      profile = config.profiles.find((p) => p.id === deps.profile.id) ?? deps.profile;
      actor.send({ type: 'config.updated', config, profile });
      sendAvailability();
    }
  };
  const recoverStorage = async () => {
    if (actor.getSnapshot().matches('outOfService') && (await probeStorage(deps.db))) {
      actor.send({ type: 'storage.recovered' });
    }
  };

  let previous = actor.getSnapshot().value;
  const subscription = actor.subscribe((snapshot) => {
    if (snapshot.value === previous) return;
    previous = snapshot.value;
    if (snapshot.matches('attract')) background.idle();
    // The screens before the tap: what the ticket's time needs is read now, not on the tap.
    else if (
      snapshot.matches({ session: { flow: 'priority' } }) ||
      snapshot.matches({ session: { flow: 'confirm' } })
    ) {
      issueTicket.prepare();
    }
  });
  actor.start();
  // Once the first screen is up: the queue state's code and today's log, and sync — it
  // starts with the device, so a kiosk used right away still pushes its tickets and
  // hears the server whatever its screen.
  const syncTimer = setTimeout(() => {
    sendAvailability();
    sync.start();
  }, 0);
  // The first idle moment on the attract screen installs the service worker. An ESC/POS
  // printer comes with those duties (./idle-duties.ts): a print before them starts them.
  if (deps.profile.printer.kind === 'escpos') holdPrints(background.idle);
  const registerTimer = setTimeout(() => {
    if (actor.getSnapshot().matches('attract')) background.idle();
  }, SW_REGISTER_DELAY_MS);
  const timer = setInterval(() => {
    sendAvailability();
    void refreshConfigNow();
    void recoverStorage();
  }, TICK_MS);

  const base = config.site.publicBaseUrl ?? window.location.origin;
  const links: KioskLinks = {
    ticketUrl(ticket) {
      const [first = ticket, ...later] = ticket.journey ?? [];
      const path = ticketLinkPath(
        { ...first, businessDay: ticket.businessDay },
        later,
        ticket.language,
      );
      return `${base}${path}`;
    },
    // In the language the citizen reads now: the phone page opens in it.
    missingListUrl: (serviceId, missing) =>
      `${base}${missingListPath(serviceId, missing, actor.getSnapshot().context.lang)}`,
  };
  return {
    actor,
    links,
    replica,
    stop() {
      background.stop();
      sync.stop();
      clearInterval(timer);
      clearTimeout(registerTimer);
      clearTimeout(syncTimer);
      clearTimeout(availabilityTimer);
      unsubscribeReplica();
      subscription.unsubscribe();
      actor.stop();
    },
  };
}

export type KioskRuntime = ReturnType<typeof startKiosk>;

/**
 * The idle duties (./idle-duties.tsx): loaded at the first idle moment on the attract
 * screen, then told of each later one. A failed load (offline, not cached yet) is tried
 * again at the next idle moment.
 */
function idleDuties(load: () => Promise<IdleDuties>, onStart: () => void) {
  let started: IdleDuties | null = null;
  let loading = false;
  let stopped = false;
  return {
    started: () => started,
    idle() {
      if (started) return started.idle();
      if (loading || stopped) return;
      loading = true;
      load().then(
        (duties) => {
          if (stopped) return duties.stop();
          started = duties;
          onStart();
        },
        () => {
          loading = false;
        },
      );
    },
    stop() {
      stopped = true;
      started?.stop();
    },
  };
}

/**
 * The device's sync (./sync.tsx), loaded and started once; a failed load (offline before
 * the service worker cached it) is tried again a little later.
 */
function deviceSync(load: () => Promise<KioskSync>) {
  let started: KioskSync | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    if (started || stopped) return;
    load().then(
      (sync) => {
        if (stopped) void sync.stop();
        else started = sync;
      },
      () => {
        retry = setTimeout(start, SW_REGISTER_DELAY_MS * 5);
      },
    );
  };
  return {
    start,
    started: () => started,
    stop() {
      stopped = true;
      clearTimeout(retry);
      void started?.stop();
    },
  };
}
