/**
 * The kiosk's issueTicket actor: the log append through the replica, then the queue
 * figures from its state — no read of the day around the write.
 */

import type { Agency, ConfigBundle, Service } from '../../domain/config/schema';
import type { KioskEvent } from '../../domain/events';
import { chooseBusinessDay } from '../../domain/lease-days';
import type { Issuer } from '../../domain/quotas';
import { businessDayOf } from '../../domain/time';
import { findService } from '../../machines/kiosk.selectors';
import { type IssuedTicket, IssueError, type IssueRequest } from '../../machines/kiosk.types';
import type { Replica } from '../../replica/replica';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { type IssueBasis, readIssueBasis } from '../../storage/issue-basis';
import { QuotaReachedError, type TicketDraft } from '../../storage/tickets';

export type IssueDeps = {
  /** Read for the issue basis (clock offset, leased days) before the append. */
  db: AnjunganDatabase;
  replica: Replica;
  identity: DeviceIdentity;
  config: () => ConfigBundle;
  /** The device's profile: its surface and team decide the quota it draws on. */
  profile: () => Issuer;
  now: () => number;
  newId: () => string;
  /** Called once a ticket is durable, so sync can push it soon. */
  onIssued?: () => void;
};

/**
 * How long an issue basis read ahead of the tap stays good: the last screens of one flow.
 * Its offset moves by milliseconds and its days only when leases for a new day arrive; the
 * issue transaction checks the numbers against the leases it reads itself either way.
 */
export const PREPARED_BASIS_MS = 30_000;

/**
 * Builds the function the kiosk machine invokes to issue a ticket. Its `prepare()` reads
 * the issue basis ahead, on the screens before the tap, so the tap waits for one IndexedDB
 * transaction (the ticket's) rather than two.
 */
export function makeIssueTicket(deps: IssueDeps) {
  let prepared: { at: number; basis: Promise<IssueBasis> } | null = null;
  const basis = (): Promise<IssueBasis> => {
    const ahead = prepared;
    prepared = null;
    if (ahead && deps.now() - ahead.at <= PREPARED_BASIS_MS) return ahead.basis;
    return readBasis(deps.db);
  };
  const issue = async (request: IssueRequest): Promise<IssuedTicket> => {
    const config = deps.config();
    const found = findService(config, request.serviceId);
    if (!found) throw new IssueError('storage', { cause: new Error('unknown service') });
    const { agency, service } = found;
    const time = issueTime(deps, await basis(), config.site.timeZone);
    const { physicalMs, businessDay } = time;
    const draft = ticketDraft(
      deps,
      config,
      found,
      request,
      time,
      // A booking's place was kept by the system it was made in: no quota refuses it.
      request.booking ? null : await quotaOf(deps, config, found.service, time.businessDay),
    );
    let event: KioskEvent<'ticket.issued'>;
    let journey: IssuedTicket['journey'];
    try {
      if (request.before) {
        // A journey: the step at the other agency first, both tickets in one transaction.
        const { appendJourney } = await import('./journey');
        const steps = await appendJourney(deps, config, request.before, draft, time);
        event = steps.at(-1) as KioskEvent<'ticket.issued'>;
        journey = steps.map((e) => ({
          id: e.id,
          number: e.data.number,
          agencyId: e.data.agencyId,
          serviceId: e.data.serviceId,
        }));
      } else {
        event = await deps.replica.appendTicket(deps.identity, draft);
      }
    } catch (error) {
      if (error instanceof QuotaReachedError) throw new IssueError('quota-exhausted');
      throw new IssueError('storage', { cause: error });
    }
    deps.onIssued?.();
    // A journey's later step waits for the step before: the figures are the first step's,
    // the ticket the citizen waits with now.
    const now = journey?.[0];
    const nowAt = now ? (findService(config, now.serviceId) ?? found) : found;
    const figures = await queueFiguresAfter(deps.replica, businessDay, now?.id ?? event.id, {
      averageServiceMinutes: nowAt.service.averageServiceMinutes,
      counters: nowAt.agency.counters,
    });
    return {
      id: event.id,
      number: event.data.number,
      agencyId: agency.id,
      serviceId: service.id,
      businessDay,
      issuedAt: physicalMs,
      ...figures,
      emergency: event.data.emergencyTag !== undefined,
      ...(journey ? { journey } : {}),
      priority: request.priority,
      purpose: request.purpose,
      language: request.language,
    };
  };
  return Object.assign(issue, {
    /** Reads the basis now, for a tap expected within PREPARED_BASIS_MS. */
    prepare(): void {
      prepared = { at: deps.now(), basis: readBasis(deps.db) };
    },
  });
}

/** The draft of a ticket for `found` as the citizen asked for it, at `time`. */
export function ticketDraft(
  deps: IssueDeps,
  config: ConfigBundle,
  found: { agency: Agency; service: Service },
  request: Pick<
    IssueRequest,
    'priority' | 'purpose' | 'missing' | 'language' | 'booking' | 'personalRef'
  >,
  time: { physicalMs: number; businessDay: string },
  quota: number | null,
): TicketDraft {
  const { agency, service } = found;
  return {
    id: deps.newId(),
    physicalMs: time.physicalMs,
    businessDay: time.businessDay,
    prefix: service.prefix ?? agency.prefix,
    digits: config.site.numbering.digits,
    dailyQuota: quota,
    data: {
      agencyId: agency.id,
      serviceId: service.id,
      priority: request.priority,
      purpose: request.purpose,
      missing: request.missing,
      channel: deps.profile().surface === 'mobile' ? 'mobile' : 'kiosk',
      language: request.language,
      issuedAt: time.physicalMs,
      booking: request.booking,
      personalRef: request.personalRef,
    },
  };
}

/**
 * The bound of a ticket of `service` on `day`: null when this device draws on no quota for
 * it (`quotaRule`, from the queue state's code, loaded once the first screen is up), else
 * the most the site's log may hold (`siteQuota`); without that code, the service's daily
 * quota. The quota tokens the server granted stay the real limit either way.
 */
export async function quotaOf(
  deps: IssueDeps,
  config: ConfigBundle,
  service: Service,
  day: string,
): Promise<number | null> {
  try {
    const code = await deps.replica.stateCode();
    const rule = code.quotaRule(config, service.id, day, deps.profile());
    return rule === undefined ? null : code.siteQuota(config, service.id, day);
  } catch {
    return service.dailyQuota ?? null;
  }
}

/**
 * The ticket's time and business day: device time corrected by the last measured server
 * offset, and the day chosen from the days this device holds leases for (a device whose
 * clock jumped still issues on the day the site is living).
 */
function issueTime(deps: IssueDeps, basis: IssueBasis, timeZone: ConfigBundle['site']['timeZone']) {
  const physicalMs = deps.now() + basis.serverOffsetMs;
  const estimatedDay = businessDayOf(physicalMs, timeZone);
  return { physicalMs, businessDay: chooseBusinessDay(basis.leasedDays, estimatedDay) };
}

/** The basis; offset 0 and no days when it cannot be read (the transaction reports that). */
function readBasis(db: AnjunganDatabase): Promise<IssueBasis> {
  return readIssueBasis(db).catch(() => ({ serverOffsetMs: 0, leasedDays: [] }));
}

/** How long a ticket waits for the queue state before it shows without its figures. */
const FIGURES_WAIT_MS = 2_000;

/**
 * People ahead of a committed ticket and its wait, from the replica's state; null when the
 * state cannot be had in time (its code not loaded yet, the day unreadable): the ticket is
 * shown and printed without them rather than held back.
 */
async function queueFiguresAfter(
  replica: Replica,
  day: string,
  ticketId: string,
  configured: { averageServiceMinutes: number; counters: number },
): Promise<{ peopleAhead: number | null; waitMinutes: number | null }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue state not ready')), FIGURES_WAIT_MS);
    });
    // Today is loaded at start; another day (chosen by the leases) is read once.
    const [code] = await Promise.race([
      Promise.all([replica.stateCode(), replica.loadDay(day)]),
      timeout,
    ]);
    const book = replica.state;
    const ticket = book?.ticket(ticketId);
    if (!book || !ticket) return { peopleAhead: null, waitMinutes: null };
    return {
      peopleAhead: book.peopleAhead(ticketId),
      waitMinutes: code.estimatedWait(book, ticket, configured),
    };
  } catch {
    return { peopleAhead: null, waitMinutes: null };
  } finally {
    clearTimeout(timer);
  }
}
