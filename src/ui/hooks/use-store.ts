/**
 * Subscribes a component to a store of views (the counter's, the mobile unit's): the view
 * its composition root computes, re-rendered on each change.
 */
import { useLayoutEffect, useReducer } from 'preact/hooks';

/** A store of a view, subscribed to like useSyncExternalStore's. */
export type ViewStore<V> = { subscribe(listener: () => void): () => void; getSnapshot(): V };

/** The store's current view; the component renders again after each change. */
export function useStore<V>(store: ViewStore<V>): V {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => rerender(0)), [store]);
  return store.getSnapshot();
}
