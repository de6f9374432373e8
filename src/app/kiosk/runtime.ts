/**
 * A running kiosk: the machine with its real actors, kept informed of availability and
 * config changes. Must: updates of the app and of the config apply only on the attract
 * screen.
 */

import { createActor, fromPromise } from 'xstate';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { foldQueue } from '../../domain/queue';
import { businessDayOf } from '../../domain/time';
import { kioskMachine } from '../../machines/kiosk.machine';
import type { Place } from '../../machines/kiosk.types';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { probeStorage } from '../../storage/device';
import { readEventsOfDay } from '../../storage/events';
import { newId } from '../../storage/ids';
import type { KioskLinks } from '../../ui/kiosk/links';
import { printCurrentDocument } from '../print';
import { availabilityMap } from './availability';
import type { IdleDuties } from './idle-duties';
import { makeIssueTicket } from './issue';

export type KioskRuntimeDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
};

const REFRESH_MS = 30_000;
const SW_REGISTER_DELAY_MS = 2_000;

/** Starts the kiosk machine and its background duties; stop() ends them. */
export function startKiosk(deps: KioskRuntimeDeps) {
  const now = deps.now ?? Date.now;
  const place: Place = deps.profile.surface === 'mobile' ? 'mobile' : 'lobby';
  let config = deps.config;
  let profile = deps.profile;
  const background = idleDuties(
    () =>
      import('./idle-duties').then((m) =>
        m.startIdleDuties({
          db: deps.db,
          identity: deps.identity,
          now,
          isIdle: () => actor.getSnapshot().matches('attract'),
          config: () => config,
          profile: () => profile,
        }),
      ),
    () => void refreshConfigNow(),
  );
  const machine = kioskMachine.provide({
    actors: {
      issueTicket: fromPromise(({ input }) =>
        makeIssueTicket({
          db: deps.db,
          identity: deps.identity,
          config: () => config,
          place,
          now,
          newId: () => newId(now()),
          onIssued: () => background.started()?.requestSync('write'),
        })(input),
      ),
    },
    actions: { printTicket: printCurrentDocument, printMissingList: printCurrentDocument },
  });
  const actor = createActor(machine, { input: { config, profile: deps.profile, place } });

  const refreshAvailability = async () => {
    const at = now();
    const day = businessDayOf(at, config.site.timeZone);
    try {
      const queue = foldQueue(await readEventsOfDay(deps.db, day));
      actor.send({
        type: 'availability.updated',
        availability: availabilityMap(config, queue, day, at, place),
      });
    } catch {
      actor.send({ type: 'storage.failed' });
    }
  };
  // Config updates come with the idle duties: the kiosk starts from its cached config.
  const refreshConfigNow = async () => {
    const duties = background.started();
    if (!duties) return;
    const result = await duties.refreshConfig(deps.db, now()).catch(() => null);
    if (result?.changed && result.config) {
      config = result.config;
      profile = config.profiles.find((p) => p.id === deps.profile.id) ?? deps.profile;
      actor.send({ type: 'config.updated', config, profile });
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
    if (snapshot.matches({ session: { flow: 'ticket' } })) void refreshAvailability();
    if (snapshot.matches('attract')) background.idle();
  });
  actor.start();
  void refreshAvailability();
  // The first idle moment on the attract screen installs the service worker.
  const registerTimer = setTimeout(() => {
    if (actor.getSnapshot().matches('attract')) background.idle();
  }, SW_REGISTER_DELAY_MS);
  const timer = setInterval(() => {
    void refreshAvailability();
    void refreshConfigNow();
    void recoverStorage();
  }, REFRESH_MS);

  const base = config.site.publicBaseUrl ?? window.location.origin;
  const links: KioskLinks = {
    ticketUrl: (id) => `${base}/t/${id}`,
    missingListUrl: (serviceId, missing) =>
      `${base}/s/${serviceId}?kurang=${missing.map(encodeURIComponent).join(',')}`,
  };
  return {
    actor,
    links,
    stop() {
      background.stop();
      clearInterval(timer);
      clearTimeout(registerTimer);
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
