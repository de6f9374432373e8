/**
 * Subscribes a component to a slice of an actor's snapshot (no @xstate/preact for v5).
 * Built on preact/hooks alone: preact/compat's useSyncExternalStore would add ~1.5 kB
 * gzip to the kiosk bundle, and Preact renders synchronously, so there is no tearing.
 */
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** Re-renders when `select(snapshot)` changes (by Object.is). */
export function useSelector<A extends AnyActorRef, T>(
  actor: A,
  select: (snapshot: SnapshotFrom<A>) => T,
): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = select(actor.getSnapshot() as SnapshotFrom<A>);
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useLayoutEffect(() => {
    const check = () => {
      const { select: current, value: shown } = latest.current;
      if (!Object.is(current(actor.getSnapshot() as SnapshotFrom<A>), shown)) rerender(0);
    };
    const subscription = actor.subscribe(check);
    check(); // the snapshot may have changed between render and subscribe
    return () => subscription.unsubscribe();
  }, [actor]);
  return value;
}
