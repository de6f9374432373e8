/**
 * A surface that runs on its own device (counter, board): boot like a kiosk (its log, its
 * identity, its cached config), enrollment for a profile of this surface, then the surface
 * itself once its runtime has started; the service worker is installed once the first
 * screen is up, so the device starts offline after its first load. Shared by /counter and
 * /display.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '../domain/config/schema';
import { BootScreen } from '../ui/boot/BootScreen';
import { type BootState, bootKiosk } from './kiosk/boot';
import { useLazyComponent } from './lazy';
import { NotMine } from './not-mine';

const RETRY_MS = 10_000;
/** How often a waiting app update asks whether it may reload the page now. */
const UPDATE_CHECK_MS = 60_000;

type Ready = Extract<BootState, { phase: 'ready' }>;

/** The set-up form: once per device, never loaded by an enrolled one. */
const loadSetupRoute = () => import('./kiosk/SetupRoute').then((m) => m.SetupRoute);

/** Boots, enrolls as one of `surfaces`, starts the runtime and renders it. */
export function DeviceRoute<R extends { stop(): void }>(props: {
  surfaces: readonly Profile['surface'][];
  start: (boot: Ready) => R;
  render: (runtime: R) => ComponentChildren;
  /** What this device is not, in both languages ("Perangkat ini bukan loket"). */
  notMine: { id: string; en: string };
  /** Whether an app update may reload the page now (default: at any time). */
  mayUpdate?: (runtime: R) => boolean;
}) {
  const { surfaces, start, mayUpdate } = props;
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [runtime, setRuntime] = useState<R | null>(null);
  const mine = boot.phase === 'ready' && surfaces.includes(boot.profile.surface);
  const SetupRoute = useLazyComponent(loadSetupRoute, boot.phase === 'setup');

  useEffect(() => {
    void bootKiosk().then(setBoot);
  }, []);

  useEffect(() => {
    if (boot.phase !== 'waiting-config') return;
    const timer = setTimeout(() => void bootKiosk().then(setBoot), RETRY_MS);
    return () => clearTimeout(timer);
  }, [boot]);

  useEffect(() => {
    if (boot.phase !== 'ready' || !mine) return;
    const started = start(boot);
    setRuntime(started);
    return () => started.stop();
  }, [boot, mine, start]);

  const booted = boot.phase !== 'loading';
  useEffect(() => {
    if (!booted) return;
    let check: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    void import('./sw-update').then((sw) => {
      if (stopped) return;
      sw.registerServiceWorker();
      sw.setUpdateGate(runtime && mayUpdate ? () => mayUpdate(runtime) : null);
      check = setInterval(sw.tryApplyUpdate, UPDATE_CHECK_MS);
    });
    return () => {
      stopped = true;
      clearInterval(check);
    };
  }, [booted, runtime, mayUpdate]);

  if (boot.phase === 'setup' && SetupRoute) {
    return (
      <SetupRoute
        db={boot.db}
        config={boot.config}
        previous={boot.previous}
        surfaces={surfaces}
        onEnrolled={() => void bootKiosk().then(setBoot)}
      />
    );
  }
  if (boot.phase === 'ready' && !mine) {
    return <NotMine surface={boot.profile.surface} notMine={props.notMine} />;
  }
  if (boot.phase === 'ready' && runtime) return <>{props.render(runtime)}</>;
  const shown = boot.phase === 'ready' || boot.phase === 'setup' ? 'loading' : boot.phase;
  return <BootScreen state={shown} />;
}
