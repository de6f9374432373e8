/**
 * Screens and features off the common path to a ticket, loaded on first use — or
 * earlier, when the kiosk warms them at its first idle moment (preloadKioskScreens).
 */
import { lazyComponent } from '../components/lazy';

const rare = () => import('./rare-screens');
export const Missing = lazyComponent(() => rare().then((m) => m.Missing));
export const Prerequisite = lazyComponent(() => rare().then((m) => m.Prerequisite));
export const QuotaExhausted = lazyComponent(() => rare().then((m) => m.QuotaExhausted));
export const OutOfService = lazyComponent(() => rare().then((m) => m.OutOfService));
export const IdleWarning = lazyComponent(() => rare().then((m) => m.IdleWarning));
export const Personal = lazyComponent(() => rare().then((m) => m.Personal));
export const Unavailable = lazyComponent(() => rare().then((m) => m.Unavailable));
export const ClosedNotice = lazyComponent(() => rare().then((m) => m.ClosedNotice));
export const ListPaper = lazyComponent(() => rare().then((m) => m.ListPaper));
export const JourneyList = lazyComponent(() =>
  import('./Ticket/JourneyList').then((m) => m.JourneyList),
);
export const SearchResults = lazyComponent(() =>
  import('./Agencies/SearchResults').then((m) => m.SearchResults),
);

/** Loads every lazy screen now (from the service worker's cache on a kiosk). */
export async function preloadKioskScreens(): Promise<void> {
  await Promise.all(
    [
      Missing,
      Prerequisite,
      QuotaExhausted,
      OutOfService,
      IdleWarning,
      Unavailable,
      ClosedNotice,
      ListPaper,
      SearchResults,
      JourneyList,
    ].map((c) => c.preload()),
  );
}
