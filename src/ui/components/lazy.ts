/**
 * A component whose code is fetched the first time it renders (from the service
 * worker's precache on a kiosk, so within milliseconds). Used for screens and features
 * off the common path — a missing-document list, search results, the idle warning — so
 * the code a kiosk loads before its first ticket stays small.
 */
import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Wraps `load` as a component that renders nothing until the code has arrived. */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): Promise<void> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () => {
    pending ??= load().then((component) => {
      loaded = component;
    });
    return pending;
  };
  function Lazy(props: P) {
    // Whether this instance has rendered the loaded code; decided at render, not in the
    // effect, so a load that lands between the two still triggers a re-render.
    const [ready, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (!ready) void preload().then(() => setReady(true));
    }, [ready]);
    return ready && loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
