/** Subscribes a component to a slice of an actor's snapshot (no @xstate/preact for v5). */
import { useSyncExternalStore } from 'preact/compat';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** Re-renders when `select(snapshot)` changes (by Object.is). */
export function useSelector<A extends AnyActorRef, T>(
  actor: A,
  select: (snapshot: SnapshotFrom<A>) => T,
): T {
  return useSyncExternalStore(
    (onChange) => {
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => select(actor.getSnapshot() as SnapshotFrom<A>),
  );
}
