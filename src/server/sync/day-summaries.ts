/**
 * Each business day's report summary (src/domain/day-report.ts), kept while the day's
 * stamp holds: in memory, then in the store, else folded from the day's events and kept.
 * A day is folded again only when an event of it arrived since. The stamp carries the
 * summary's format, so a release that changes it folds again rather than misreading.
 */
import { type DaySummary, daySummary } from '../../domain/day-report';
import { foldQueue, ticketsOfDay } from '../../domain/queue-read';
import type { ApiDeps } from '../http/deps';

/** Day summaries kept in memory: a year of a few sites. */
const MAX_SUMMARIES = 2_000;
/** The summary's format: raised whenever DaySummary changes shape or meaning. */
const SUMMARY_FORMAT = 'f1';

/** The summary of a site's day, as the reports and the SKM read it. */
export function daySummaries(
  deps: Pick<ApiDeps, 'store' | 'config'>,
): (siteId: string, businessDay: string) => Promise<DaySummary> {
  const held = new Map<string, { stamp: string; summary: DaySummary }>();
  return async (siteId, businessDay) => {
    const key = `${siteId}\n${businessDay}`;
    const config = deps.config();
    const stamp = `${SUMMARY_FORMAT}:${config.site.timeZone}:${await deps.store.dayStamp(siteId, businessDay)}`;
    const inMemory = held.get(key);
    if (inMemory?.stamp === stamp) return inMemory.summary;
    const kept = await deps.store.keptDaySummary(siteId, businessDay);
    let summary: DaySummary;
    if (kept?.stamp === stamp) summary = JSON.parse(kept.summary) as DaySummary;
    else {
      const book = foldQueue(await deps.store.eventsOfDay(siteId, businessDay), {
        priorityCap: config.site.priorityCap,
      });
      summary = daySummary(businessDay, ticketsOfDay(book, businessDay), config.site.timeZone);
      await deps.store.keepDaySummary(siteId, businessDay, stamp, JSON.stringify(summary));
    }
    held.delete(key);
    held.set(key, { stamp, summary });
    while (held.size > MAX_SUMMARIES) {
      const oldest = held.keys().next().value;
      if (oldest === undefined) break;
      held.delete(oldest);
    }
    return summary;
  };
}
