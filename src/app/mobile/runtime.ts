/**
 * A running MPP bergerak device's own screen (/mobile): prepare for the trip (one action:
 * config, leases for every visit day, staff verifiers, persistent storage), the checklist
 * that says "Siap berangkat" or what is missing, the printer paired and tested, the events
 * waiting to be sent and since when, and each visit's report from the device's own log.
 * The citizen flow and the counter run as /kiosk and /counter on the same device, log and
 * identity; this screen links to both.
 * Must: works with no network (everything is read from the device); reads, never writes the
 * log; one owner per state — leases in storage, sync in the loop, tickets in the replica.
 */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import { serviceNamer } from '../../domain/config/service-names';
import { ticketsOfDay } from '../../domain/queue-read';
import type { StaffVerifier } from '../../domain/staff';
import { businessDayOf } from '../../domain/time';
import { comingVisits, visitDays, visitsOfTeam } from '../../domain/visit-days';
import { visitReport, visitReportCsv } from '../../domain/visit-report';
import type { PrintDocument } from '../../printing/ticket-layout';
import { Replica } from '../../replica/replica';
import type { AnjunganDatabase, DeviceIdentity, PrinterCheck } from '../../storage/db';
import { type LeaseLevels, leaseLevels } from '../../storage/leases';
import { oldestPending } from '../../storage/outbox-age';
import { readPrinterCheck, savePrinterCheck } from '../../storage/printer-check';
import { readStaff, saveStaff } from '../../storage/staff';
import { createStaffClient } from '../../sync/staff-client';
import type { MobileActions, MobileView } from '../../ui/mobile/view';
import { signInRefusal } from '../counter/messages';
import { setFirstPin, signIn } from '../counter/sign-in';
import { startDeviceSync } from '../device-sync';
import { leaseNeeds } from '../kiosk/lease-needs';
import { type PrinterLink, printerLink } from '../printer-link';
import { readiness } from './readiness';

export type MobileDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: ConfigBundle;
  profile: Profile;
  now?: () => number;
  /** The browser's storage and service worker (tests give their own). */
  env?: Partial<MobileEnv>;
  printer?: PrinterLink;
};

/** What the screen needs of the browser beyond the device's own database. */
export type MobileEnv = {
  persisted(): Promise<boolean | null>;
  persist(): Promise<boolean | null>;
  /** A service worker controls the page and holds the shells of every screen the unit opens. */
  offlineReady(): Promise<boolean>;
};

/** The screens a unit opens in the field, as the service worker keeps their shells (src/sw/static-routes.ts). */
const UNIT_SHELLS = ['/kiosk', '/counter', '/mobile'];

const REFRESH_MS = 10_000;

function browserEnv(): MobileEnv {
  const storage = globalThis.navigator?.storage;
  return {
    persisted: async () => (storage?.persisted ? storage.persisted() : null),
    persist: async () => (storage?.persist ? storage.persist() : null),
    offlineReady: async () => {
      if (!globalThis.navigator?.serviceWorker?.controller || !globalThis.caches) return false;
      const kept = await Promise.all(UNIT_SHELLS.map((path) => caches.match(path)));
      return kept.every((response) => response !== undefined);
    },
  };
}

/** A page that says whether the printer works, in both languages, with a QR to scan. */
export function testPage(siteName: string, when: string): PrintDocument {
  return {
    lines: [
      { text: siteName, align: 'center', bold: true },
      { text: 'Tes printer / Printer test', align: 'center' },
      { text: 'A-000', size: 'huge', align: 'center', bold: true },
      { text: when, align: 'center' },
      { text: 'Bila kode QR di bawah terbaca, printer siap.', align: 'center' },
    ],
    qr: 'https://anjungan.invalid/tes-printer',
  };
}

/** Starts the screen's runtime; stop() ends its sync and timers. */
export function startMobile(deps: MobileDeps) {
  const now = deps.now ?? Date.now;
  const { db, identity, config, profile } = deps;
  const env = { ...browserEnv(), ...deps.env };
  const printer = deps.printer ?? printerLink(profile);
  const today = () => businessDayOf(now(), config.site.timeZone);
  const replica = new Replica(db, { priorityCap: config.site.priorityCap });
  const listeners = new Set<() => void>();
  let view: MobileView = {
    lang: profile.language,
    config,
    deviceName: identity.name,
    today: today(),
    trip: [],
    readiness: null,
    preparing: false,
    online: true,
    lastSyncAt: null,
    pending: { count: 0, since: null },
    printAsked: false,
    printerError: null,
    report: null,
    signIn: null,
  };
  const set = (patch: Partial<MobileView>) => {
    view = { ...view, ...patch };
    for (const listener of [...listeners]) listener();
  };

  let stopped = false;
  const gather = async () => {
    const day = today();
    const needs = leaseNeeds(config, profile, day);
    const fill = needs.fill ?? { blockSize: 0, numbers: [], quotas: [] };
    const trip = comingVisits(visitsOfTeam(config.visits, profile.team), day, 10).filter(
      (v) => needs.days.includes(v.date) || v.date <= day,
    );
    const days = [...new Set([...fill.numbers, ...fill.quotas].map((l) => l.businessDay))];
    const levels: Record<string, LeaseLevels> = {};
    for (const d of days) levels[d] = await leaseLevels(db, d);
    const [persisted, offlineReady, check, staff, since] = await Promise.all([
      env.persisted().catch(() => null),
      env.offlineReady().catch(() => false),
      readPrinterCheck(db).catch(() => null),
      readStaff(db).catch(() => ({ staff: [] })),
      oldestPending(db, identity.deviceId),
    ]);
    if (stopped) return;
    const result = readiness({
      config,
      trip,
      fill,
      levels,
      persisted,
      offlineReady,
      printerKind: profile.printer.kind,
      printer: check,
      staffCount: staff.staff.length,
    });
    set({ today: day, trip, readiness: result, pending: { ...view.pending, since } });
  };
  const refresh = () => void gather().catch(() => undefined);

  const sync = startDeviceSync({ db, identity, config, profile, now, replica }, (status) => {
    const wasSyncing = view.preparing && !status.syncing;
    set({
      online: status.online,
      lastSyncAt: status.lastSyncAt,
      pending: { count: status.pending, since: view.pending.since },
      ...(wasSyncing ? { preparing: false } : {}),
    });
    refresh();
  });
  const timer = setInterval(refresh, REFRESH_MS);
  refresh();

  // Once the device holds staff verifiers, the screen opens with a PIN: before that (a new
  // device, before its first "Siapkan perangkat") there is nobody to check against.
  let verifiers: StaffVerifier[] = [];
  const options = () =>
    verifiers.map((p) => ({
      staffId: p.staffId,
      name: p.name,
      hasPin: p.pin !== null,
      locked: p.locked,
    }));
  const gate = (patch: Partial<NonNullable<MobileView['signIn']>>) => {
    if (view.signIn) set({ signIn: { ...view.signIn, ...patch } });
  };
  void readStaff(db)
    .catch(() => ({ staff: [] as StaffVerifier[] }))
    .then(({ staff }) => {
      verifiers = staff;
      if (staff.length > 0 && !stopped)
        set({ signIn: { staff: options(), message: null, busy: false } });
    });

  const actions: MobileActions = {
    /** One action before leaving: storage kept, staff verifiers, config and leases by a sync. */
    async prepare() {
      set({ preparing: true });
      await env.persist().catch(() => null);
      const client = createStaffClient({ baseUrl: '', token: identity.token });
      await client
        .list(new AbortController().signal)
        .then(({ staff }) => saveStaff(db, staff, now()))
        .catch(() => undefined);
      sync.requestSync('manual');
      await gather().catch(() => undefined);
      // The sync's end (status) clears `preparing`; without a server it never starts.
      if (!view.online) set({ preparing: false });
    },
    /** Pairs an ESC/POS printer (from a tap: the browser asks the staff to choose). */
    async pairPrinter() {
      const paired = await printer.pair();
      set({ printerError: paired.ok ? null : paired.detail });
    },
    /** Prints the test page; the staff then say whether it came out right. */
    async testPrint() {
      const doc = testPage(config.site.name.id, new Date(now()).toISOString().slice(0, 16));
      const outcome = await printer.print(doc);
      if (outcome.ok) return set({ printAsked: true, printerError: null });
      await keepCheck({ at: now(), ok: false, via: printer.via });
      set({ printerError: outcome.detail });
    },
    async confirmPrint(ok: boolean) {
      await keepCheck({ at: now(), ok, via: printer.via });
      set({ printAsked: false });
    },
    /** The report of `visitId` from this device's log, every day of it. */
    async showReport(visitId: string) {
      const visit = config.visits.find((v) => v.id === visitId);
      if (!visit) return set({ report: null });
      const days = visitDays(visit);
      await Promise.all(days.map((d) => replica.loadDay(d)));
      const book = replica.state;
      const tickets = book ? days.flatMap((d) => ticketsOfDay(book, d)) : [];
      set({ report: { visit, report: visitReport(visit, tickets) } });
    },
    /** The shown report as CSV (the screen offers it as a file). */
    reportCsv(): string | null {
      const shown = view.report;
      if (!shown) return null;
      return visitReportCsv(shown.report, serviceNamer(config, 'id'));
    },
    setLanguage(lang: 'id' | 'en') {
      set({ lang });
    },
    signIn(staffId, pin) {
      const person = verifiers.find((p) => p.staffId === staffId);
      if (!person) return;
      gate({ busy: true });
      void signIn(db, person, pin, now()).then((result) => {
        if (result.ok) return set({ signIn: null });
        gate({ busy: false, message: signInRefusal(result) });
      });
    },
    firstPin(setupCode, pin) {
      gate({ busy: true });
      const client = createStaffClient({ baseUrl: '', token: identity.token });
      setFirstPin(db, client, setupCode, pin).then(
        () => set({ signIn: null }),
        (failure: { id: string; en: string }) =>
          gate({ busy: false, message: { ...failure, tone: 'warn' } }),
      );
    },
    dismissMessage() {
      gate({ message: null });
    },
  };
  async function keepCheck(check: PrinterCheck) {
    await savePrinterCheck(db, check).catch(() => undefined);
    refresh();
  }

  return {
    store: {
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      getSnapshot: () => view,
    },
    actions,
    refresh: gather,
    stop() {
      stopped = true;
      clearInterval(timer);
      sync.stop();
    },
  };
}

export type MobileRuntime = ReturnType<typeof startMobile>;
