/**
 * Screens and features off the common path to a ticket, loaded on first use — or
 * earlier, when the kiosk warms them at its first idle moment (preloadKioskScreens).
 */
import { type ComponentChildren, type ComponentType, h } from 'preact';
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

/**
 * A component that shows once its code was warmed (never fetched on a citizen's way to a
 * ticket), `fallback` until then: what a screen adds to what it can do without it.
 */
function whenWarm<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((component) => {
      loaded = component;
    });
  const Warm = (props: P & { fallback: ComponentChildren }) =>
    loaded ? h(loaded, props) : props.fallback;
  return Object.assign(Warm, { preload });
}

/** The agency screen's groups and services offered first; the plain grid until warmed. */
export const CatalogueHome = whenWarm(() => rare().then((m) => m.CatalogueHome));
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
      Unavailable,
      ClosedNotice,
      ListPaper,
      CatalogueHome,
      SearchResults,
      JourneyList,
    ].map((c) => c.preload()),
  );
}
