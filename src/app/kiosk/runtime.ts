/**
 * A running kiosk: the machine with its real actors, kept informed of availability and
 * config changes. Must: updates of the app and of the config apply only on the attract
 * screen.
 */
import { uuidv7 } from 'uuidv7';
import { createActor, fromPromise } from 'xstate';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { foldQueue } from '../../domain/queue';
import { businessDayOf } from '../../domain/time';
import { kioskMachine } from '../../machines/kiosk.machine';
import type { Place } from '../../machines/kiosk.types';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { probeStorage } from '../../storage/device';
import { readEventsOfDay } from '../../storage/events';
import type { KioskLinks } from '../../ui/kiosk/links';
import { refreshConfig } from '../config-sync';
import { printCurrentDocument } from '../print';
import { setUpdateGate, tryApplyUpdate } from '../sw-update';
import { availabilityMap } from './availability';
import { makeIssueTicket } from './issue';

export type KioskRuntimeDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
};

const REFRESH_MS = 30_000;

/** Starts the kiosk machine and its background duties; stop() ends them. */
export function startKiosk(deps: KioskRuntimeDeps) {
  const now = deps.now ?? Date.now;
  const place: Place = deps.profile.surface === 'mobile' ? 'mobile' : 'lobby';
  let config = deps.config;
  const machine = kioskMachine.provide({
    actors: {
      issueTicket: fromPromise(({ input }) =>
        makeIssueTicket({
          db: deps.db,
          identity: deps.identity,
          config: () => config,
          place,
          now,
          newId: uuidv7,
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
  const refreshConfigNow = async () => {
    const result = await refreshConfig(deps.db, now()).catch(() => null);
    if (result?.changed && result.config) {
      config = result.config;
      const profile = config.profiles.find((p) => p.id === deps.profile.id) ?? deps.profile;
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
    if (snapshot.matches('attract')) tryApplyUpdate();
  });
  actor.start();
  setUpdateGate(() => actor.getSnapshot().matches('attract'));
  void refreshAvailability();
  void refreshConfigNow();
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
      clearInterval(timer);
      subscription.unsubscribe();
      setUpdateGate(null);
      actor.stop();
    },
  };
}

export type KioskRuntime = ReturnType<typeof startKiosk>;
