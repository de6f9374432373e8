/**
 * Whether an MPP bergerak device is ready to go offline for its trip ("Siap berangkat"), and
 * what is missing if not: the trip's visits, every visit day's numbers and quota tokens in
 * full, persistent storage, the app kept for offline starts, the printer tested, and the
 * staff who can sign in without a network. Pure: the runtime gathers the facts.
 */
import type { ConfigBundle, Visit } from '../../domain/config/schema';
import type { PrinterCheck } from '../../storage/db';
import type { LeaseLevels } from '../../storage/leases';
import type { LeaseFill } from '../../sync/context';
import type { Check, Readiness, Shortfall } from '../../ui/mobile/view';

export type ReadinessFacts = {
  config: ConfigBundle;
  /** The coming visits the device leases for (./lease-needs.ts's horizon). */
  trip: readonly Visit[];
  /** What the trip needs held in full (leaseNeeds(...).fill). */
  fill: LeaseFill;
  /** What the device holds, by business day. */
  levels: Readonly<Record<string, LeaseLevels>>;
  /** navigator.storage.persisted(); null when the browser cannot say. */
  persisted: boolean | null;
  /** A service worker controls the page: the app starts with no network. */
  offlineReady: boolean;
  printerKind: 'browser' | 'escpos' | 'none';
  printer: PrinterCheck | null;
  staffCount: number;
};

/**
 * The checks, each ok or not. Quota tokens are in full once the device holds the day's
 * quota or the server has none left to grant; numbers, once they cover every ticket the
 * tokens held still allow in their queue (so tickets issued online do not count against it).
 */
export function readiness(facts: ReadinessFacts): Readiness {
  const short = shortfalls(facts);
  const printerOk = facts.printerKind === 'none' || facts.printer?.ok === true;
  const checks: Check[] = [
    { id: 'visits', ok: facts.trip.length > 0, visits: facts.trip.length },
    { id: 'leases', ok: facts.trip.length > 0 && short.length === 0, short },
    { id: 'storage', ok: facts.persisted === true, persisted: facts.persisted },
    { id: 'offline', ok: facts.offlineReady },
    { id: 'printer', ok: printerOk, kind: facts.printerKind, tested: facts.printer },
    { id: 'staff', ok: facts.staffCount > 0, staff: facts.staffCount },
  ];
  return { ready: checks.every((c) => c.ok), checks };
}

function shortfalls(facts: ReadinessFacts): Shortfall[] {
  const out: Shortfall[] = [];
  const prefixOf = new Map<string, string>();
  for (const agency of facts.config.agencies) {
    for (const service of agency.services)
      prefixOf.set(service.id, service.prefix ?? agency.prefix);
  }
  const tokensByQueue = new Map<string, number>();
  for (const { businessDay: day, serviceId, count } of facts.fill.quotas) {
    const level = facts.levels[day]?.quotas[serviceId];
    const tokens = level?.tokens ?? 0;
    const key = `${day}\n${prefixOf.get(serviceId) ?? ''}`;
    tokensByQueue.set(key, (tokensByQueue.get(key) ?? 0) + tokens);
    if (tokens < count && level?.remaining !== 0) {
      out.push({ day, kind: 'quota', what: serviceId, held: tokens, needed: count });
    }
  }
  for (const { businessDay: day, prefix } of facts.fill.numbers) {
    const held = facts.levels[day]?.numbers[prefix] ?? 0;
    const needed = tokensByQueue.get(`${day}\n${prefix}`) ?? 0;
    if (held < needed) out.push({ day, kind: 'numbers', what: prefix, held, needed });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind));
}
