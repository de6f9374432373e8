/** The kiosk's issueTicket actor: the log append, then the queue figures from the fold. */

import type { ConfigBundle } from '../../domain/config/schema';
import { chooseBusinessDay } from '../../domain/lease-days';
import { foldQueue, peopleAhead } from '../../domain/queue';
import { businessDayOf } from '../../domain/time';
import { estimateWaitMinutes } from '../../domain/wait';
import { findService } from '../../machines/kiosk.selectors';
import {
  type IssuedTicket,
  IssueError,
  type IssueRequest,
  type Place,
} from '../../machines/kiosk.types';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { readEventsOfDay } from '../../storage/events';
import { readIssueBasis } from '../../storage/issue-basis';
import { appendTicketIssued, QuotaReachedError } from '../../storage/tickets';

export type IssueDeps = {
  db: AnjunganDatabase;
  identity: DeviceIdentity;
  config: () => ConfigBundle;
  place: Place;
  now: () => number;
  newId: () => string;
  /** Called once a ticket is durable, so sync can push it soon. */
  onIssued?: () => void;
};

/** Builds the function the kiosk machine invokes to issue a ticket. */
export function makeIssueTicket(deps: IssueDeps) {
  return async (request: IssueRequest): Promise<IssuedTicket> => {
    const config = deps.config();
    const found = findService(config, request.serviceId);
    if (!found) throw new IssueError('storage', { cause: new Error('unknown service') });
    const { agency, service } = found;
    const { physicalMs, businessDay } = await issueTime(deps, config.site.timeZone);
    let event: Awaited<ReturnType<typeof appendTicketIssued>>;
    try {
      event = await appendTicketIssued(deps.db, deps.identity, {
        id: deps.newId(),
        physicalMs,
        businessDay,
        prefix: service.prefix ?? agency.prefix,
        digits: config.site.numbering.digits,
        dailyQuota: service.dailyQuota ?? null,
        data: {
          agencyId: agency.id,
          serviceId: service.id,
          priority: request.priority,
          purpose: request.purpose,
          missing: request.missing,
          channel: deps.place === 'mobile' ? 'mobile' : 'kiosk',
          language: request.language,
          issuedAt: physicalMs,
        },
      });
    } catch (error) {
      if (error instanceof QuotaReachedError) throw new IssueError('quota-exhausted');
      throw new IssueError('storage', { cause: error });
    }
    deps.onIssued?.();
    const ahead = await queueFiguresAfter(deps.db, businessDay, event.id);
    return {
      id: event.id,
      number: event.data.number,
      agencyId: agency.id,
      serviceId: service.id,
      businessDay,
      issuedAt: physicalMs,
      peopleAhead: ahead,
      waitMinutes: estimateWaitMinutes({
        ahead,
        averageServiceMinutes: service.averageServiceMinutes,
        counters: agency.counters,
      }),
      emergency: event.data.emergencyTag !== undefined,
      priority: request.priority,
      purpose: request.purpose,
    };
  };
}

/**
 * The ticket's time and business day: device time corrected by the last measured server
 * offset, and the day chosen from the days this device holds leases for (a device whose
 * clock jumped still issues on the day the site is living).
 */
async function issueTime(deps: IssueDeps, timeZone: ConfigBundle['site']['timeZone']) {
  const basis = await readIssueBasis(deps.db).catch(() => ({
    // The issue transaction reports storage trouble; time falls back to the device clock.
    serverOffsetMs: 0,
    leasedDays: [],
  }));
  const physicalMs = deps.now() + basis.serverOffsetMs;
  const estimatedDay = businessDayOf(physicalMs, timeZone);
  return { physicalMs, businessDay: chooseBusinessDay(basis.leasedDays, estimatedDay) };
}

/** People ahead of a committed ticket; 0 if the log cannot be read right now. */
async function queueFiguresAfter(db: AnjunganDatabase, day: string, ticketId: string) {
  try {
    return peopleAhead(foldQueue(await readEventsOfDay(db, day)), ticketId);
  } catch {
    return 0;
  }
}
