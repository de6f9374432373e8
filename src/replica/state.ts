/**
 * The queue state's code as a device loads it: after the first screen is up, in its own
 * chunk, so a citizen's first tap never waits for it (./replica.ts).
 */
export { QueueBook } from '../domain/queue';
export { estimatedWait } from '../domain/queue-read';
