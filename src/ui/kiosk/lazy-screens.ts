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
export const GroupedAgencies = lazyComponent(() => rare().then((m) => m.GroupedAgencies));
export const JourneyList = lazyComponent(() =>
  import('./Ticket/JourneyList').then((m) => m.JourneyList),
);
const search = () => import('./Agencies/SearchResults');
export const SearchResults = lazyComponent(() => search().then((m) => m.SearchResults));
export const SearchClear = lazyComponent(() => search().then((m) => m.SearchClear));

/** Loads every lazy screen now (from the service worker's cache on a kiosk). */
export async function preloadKioskScreens(): Promise<void> {
  await Promise.all(
    [
      Missing,
      Prerequisite,
      QuotaExhausted,
      OutOfService,
      IdleWarning,
      GroupedAgencies,
      SearchResults,
      JourneyList,
    ].map((c) => c.preload()),
  );
}
