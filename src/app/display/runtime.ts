/**
 * A running lobby board: the device's replica and sync (so calls arrive by the server's
 * event stream within a second on the LAN), the board's view from the queue state, and
 * the voice for each new call.
 * Must: a call is announced once — a reload never says again what was said (the newest
 * announced call is kept in the device's storage), and calls older than STALE_MS when the
 * board first sees them are shown, not said; with the server down the board keeps its
 * last state and says that calls are shown at the counters.
 */
import { announceCall } from '../../domain/announce';
import type { ConfigBundle, LocalText, Profile } from '../../domain/config/schema';
import { formatClock } from '../../domain/format';
import { decodeHlc } from '../../domain/hlc';
import { localized } from '../../domain/i18n/local-text';
import type { QueueBook, TicketView } from '../../domain/queue';
import { recentCalls } from '../../domain/queue-read';
import { businessDayOf } from '../../domain/time';
import { comingVisits } from '../../domain/visit-days';
import { visitLine } from '../../domain/visits';
import { Replica } from '../../replica/replica';
import { readAnnounced, saveAnnounced } from '../../storage/board';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import type { BoardCall, BoardStore, BoardView } from '../../ui/display/view';
import { startDeviceSync } from '../device-sync';
import { type Announcer, browserVoice, createAnnouncer, type VoiceOutput } from './announcer';

export type DisplayDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
  /** The voice (tests give their own). */
  voice?: VoiceOutput;
};

/** A call first seen this long after it was made is shown, not said. */
const STALE_MS = 2 * 60_000;
const CALLS_SHOWN = 8;
const NEXT_SHOWN = 3;
const TICK_MS = 15_000;

/** Starts a board; stop() ends its sync, voice, timers and listeners. */
export function startDisplay(deps: DisplayDeps) {
  const now = deps.now ?? Date.now;
  const { db, identity, config, profile } = deps;
  const today = () => businessDayOf(now(), config.site.timeZone);
  const replica = new Replica(db, { priorityCap: config.site.priorityCap });
  const listeners = new Set<() => void>();
  let version = 0;
  let online = true;
  let spoken = '';
  const changed = () => {
    version += 1;
    for (const listener of [...listeners]) listener();
  };
  const announcer: Announcer = createAnnouncer(deps.voice ?? browserVoice(), (text) => {
    spoken = text;
    changed();
  });

  // Calls announced up to this HLC; read before the first announcement.
  let announced: string | null = null;
  const ready = readAnnounced(db)
    .catch(() => '')
    .then((hlc) => {
      announced = hlc;
      announceNew();
    });
  const announceNew = () => {
    const book = replica.state;
    if (announced === null || !book || !replica.holds(today())) return;
    const fresh = recentCalls(book, today(), 50)
      .filter((t) => t.calledHlc !== null && t.calledHlc > (announced as string))
      .reverse();
    if (fresh.length === 0) return;
    for (const ticket of fresh) {
      const at = decodeHlc(ticket.calledHlc as string)?.ms ?? 0;
      if (now() - at > STALE_MS || ticket.loket === null) continue;
      try {
        announcer.announce(announceCall(ticket.number, ticket.loket));
      } catch {
        // A number or loket the voice cannot say is shown only.
      }
    }
    announced = fresh.at(-1)?.calledHlc ?? announced;
    void saveAnnounced(db, announced as string).catch(() => {});
  };

  const sync = startDeviceSync({ db, identity, config, profile, now, replica }, (status) => {
    online = status.online;
    changed();
  });
  void replica.loadDay(today()).catch(() => {});
  const unsubscribe = replica.subscribe(() => {
    announceNew();
    changed();
  });
  const tick = setInterval(() => {
    if (!replica.holds(today())) void replica.loadDay(today()).catch(() => {});
    changed();
  }, TICK_MS);

  // One language on the board: its profile's.
  const lang = profile.language;
  const name = (text: LocalText | undefined) => (text ? localized(text, lang) : '');
  const agencyOf = new Map(config.agencies.map((a) => [a.id, a]));
  const callOf = (t: TicketView): BoardCall => ({
    id: t.id,
    number: t.number,
    loket: t.loket ?? '',
    agency: name(agencyOf.get(t.agencyId)?.shortName),
    colour: agencyOf.get(t.agencyId)?.colour ?? '#5b6470',
  });

  const view = (): BoardView => {
    const book = replica.state;
    const day = today();
    const calls = book ? lastPerLoket(book, day).map(callOf) : [];
    return {
      lang,
      siteName: name(config.site.name),
      clock: formatClock(now(), config.site.timeZone),
      highlight: calls[0] ?? null,
      calls,
      upcoming: book ? upcoming(book, day) : [],
      visits: comingVisits(config.visits, day).map((visit) => visitLine(visit, day, lang)),
      online,
      sound: announcer.enabled,
      spoken,
    };
  };

  const upcoming = (book: QueueBook, day: string) =>
    config.agencies.flatMap((agency) => {
      const queues = new Set([
        agency.prefix,
        ...agency.services.flatMap((s) => (s.prefix ? [s.prefix] : [])),
      ]);
      const numbers = [...queues]
        .flatMap((q) => book.waitingIn(day, q))
        .filter((t) => t.agencyId === agency.id)
        .slice(0, NEXT_SHOWN)
        .map((t) => t.number);
      return numbers.length > 0
        ? [{ agency: name(agency.shortName), colour: agency.colour, numbers }]
        : [];
    });

  let cached: { key: string; view: BoardView } | null = null;
  const store: BoardStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      const key = `${version}:${replica.version}`;
      if (cached?.key !== key) cached = { key, view: view() };
      return cached.view;
    },
  };

  return {
    store,
    actions: {
      enableSound() {
        announcer.enable();
        changed();
      },
    },
    replica,
    ready,
    stop() {
      announcer.stop();
      clearInterval(tick);
      unsubscribe();
      sync.stop();
    },
  };
}

export type DisplayRuntime = ReturnType<typeof startDisplay>;

/** The newest call of each loket, newest first. */
function lastPerLoket(book: QueueBook, day: string): TicketView[] {
  const seen = new Set<string>();
  const out: TicketView[] = [];
  for (const ticket of recentCalls(book, day, 200)) {
    const loket = ticket.loket ?? '';
    if (seen.has(loket)) continue;
    seen.add(loket);
    out.push(ticket);
    if (out.length >= CALLS_SHOWN) break;
  }
  return out;
}
