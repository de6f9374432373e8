/**
 * Checking a lease request against the active config before anything is granted: days
 * within [today, today + MAX_LEASE_DAYS_AHEAD], prefixes that are queues of the site,
 * quota lines only for services the device draws a quota for that day (a mobile unit its
 * visit's, the lobby the daily one), each with the pool it draws on.
 * Must: pure; either every line is fine or nothing is granted.
 */
import { jsonPath } from '../../domain/config/issues';
import type { ConfigBundle } from '../../domain/config/schema';
import { deviceShare } from '../../domain/numbering';
import { type LeaseRequest, MAX_LEASE_DAYS_AHEAD } from '../../domain/protocol';
import { type Issuer, quotaRule } from '../../domain/quotas';
import type { Parsed, RequestIssue } from '../../domain/request-fields';
import { daysBetween } from './push-rules';

/**
 * Lines to grant, each with its day filled in; number lines carry the device's share,
 * quota lines the quota of the pool they draw on.
 */
export type LeasePlan = {
  numbers: { businessDay: string; prefix: string; count: number; deviceShare: number }[];
  quotas: {
    businessDay: string;
    serviceId: string;
    /** LOBBY_POOL, or the visit's id. */
    pool: string;
    count: number;
    quota: number;
    deviceShare: number;
  }[];
};

/** Every ticket prefix of the site: each agency's, and each service's own. */
export function queuePrefixes(config: ConfigBundle): Set<string> {
  const prefixes = new Set<string>();
  for (const agency of config.agencies) {
    prefixes.add(agency.prefix);
    for (const service of agency.services) if (service.prefix) prefixes.add(service.prefix);
  }
  return prefixes;
}

/** The plan for a request of a device of `issuer`'s profile on server day `today`, or every issue with it. */
export function planLeases(
  request: LeaseRequest,
  config: ConfigBundle,
  today: string,
  issuer: Issuer,
): Parsed<LeasePlan> {
  const issues: RequestIssue[] = [];
  const prefixes = queuePrefixes(config);
  const dayOf = (list: string, i: number, day: string | undefined): string => {
    const resolved = day ?? today;
    const ahead = daysBetween(today, resolved);
    if (ahead < 0 || ahead > MAX_LEASE_DAYS_AHEAD) {
      issues.push({
        path: jsonPath(list, i, 'businessDay'),
        message: `must be from ${today} to ${MAX_LEASE_DAYS_AHEAD} days later`,
      });
    }
    return resolved;
  };
  const numbers = request.numbers.map((line, i) => {
    if (!prefixes.has(line.prefix)) {
      issues.push({
        path: jsonPath('numbers', i, 'prefix'),
        message: 'is not a queue of this site',
      });
    }
    return {
      businessDay: dayOf('numbers', i, line.businessDay),
      prefix: line.prefix,
      // A block is at most the site's block size, and a device's blocks of the day at most
      // its share: no device can use up a queue's numbers.
      count: Math.min(line.count, config.site.numbering.deviceBlockSize),
      deviceShare: deviceShare(config.site.numbering.deviceBlockSize),
    };
  });
  const quotas = request.quotas.map((line, i) => {
    const businessDay = dayOf('quotas', i, line.businessDay);
    const rule = quotaRule(config, line.serviceId, businessDay, issuer);
    if (rule === undefined) {
      issues.push({
        path: jsonPath('quotas', i, 'serviceId'),
        message: 'is not a service with a quota for this device on that day',
      });
    }
    const { quota, deviceShare, pool } = rule ?? { quota: 0, deviceShare: 0, pool: '' };
    return { businessDay, serviceId: line.serviceId, pool, count: line.count, quota, deviceShare };
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { numbers, quotas } };
}
