/**
 * The queue state's code as a device loads it: after the first screen is up, in its own
 * chunk, so a citizen's first tap never waits for it (./replica.ts).
 */
export { availabilityMap } from '../domain/availability';
export { mostAsked } from '../domain/popular';
export { QueueBook } from '../domain/queue';
export { estimatedWait } from '../domain/queue-read';
export { quotaRule, siteQuota } from '../domain/quotas';
