/** Loading a component's code only when a screen needs it. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The component from `load` once `wanted` is true and its code has arrived; else null. */
export function useLazyComponent<P>(
  load: () => Promise<ComponentType<P>>,
  wanted: boolean,
): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (wanted && !component) void load().then((loaded) => setComponent(() => loaded));
  }, [wanted, component, load]);
  return component;
}
