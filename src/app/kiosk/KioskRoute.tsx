/** /kiosk: boots the device, then shows enrollment or the citizen's flow. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { BootScreen } from '../../ui/boot/BootScreen';
import { KioskApp } from '../../ui/kiosk/KioskApp';
import { useLazyComponent } from '../lazy';
import { type BootState, bootKiosk } from './boot';
import { type KioskRuntime, startKiosk } from './runtime';
import type { SetupRouteProps } from './SetupRoute';

const RETRY_MS = 10_000;

/** A set-up boot (or a ready one of another surface's profile) as the set-up route takes it. */
type SetupProps = Omit<SetupRouteProps, 'onEnrolled'>;

/** Staff-only: loaded once per device, never on a citizen's path. */
const loadSetupRoute = () => import('./SetupRoute').then((m) => m.SetupRoute);

/**
 * The running kiosk of a ready boot, and its only owner: started in the render that first
 * shows the boot (the attract screen waits for no frame), stopped when the boot changes
 * (enrollment, a config that arrived) or the surface goes.
 */
function useRuntime(boot: BootState, other: boolean): KioskRuntime | null {
  const current = useRef<{ boot: BootState; runtime: KioskRuntime | null } | null>(null);
  if (current.current?.boot !== boot) {
    current.current?.runtime?.stop();
    current.current = { boot, runtime: boot.phase === 'ready' && !other ? startKiosk(boot) : null };
  }
  useEffect(() => () => current.current?.runtime?.stop(), []);
  return current.current.runtime;
}

/** The kiosk surface, from the device's first boot (`../main.tsx` waits for it). */
export function KioskRoute({ first }: { first: BootState }) {
  const [boot, setBoot] = useState<BootState>(first);
  // A counter's or a board's profile (an admin changed it): the kiosk does not start, the
  // set-up chunk says what the device is instead (SetupRoute's `profile`).
  const other = boot.phase === 'ready' && /^[cd]/.test(boot.profile.surface);
  const runtime = useRuntime(boot, other);
  const SetupRoute = useLazyComponent(loadSetupRoute, boot.phase === 'setup' || other);

  useEffect(() => {
    // Set-up and waiting screens are idle by nature: make the app work offline now.
    if (boot.phase !== 'loading' && boot.phase !== 'ready') {
      void import('../sw-update').then((sw) => sw.registerServiceWorker());
    }
  }, [boot]);

  useEffect(() => {
    if (boot.phase !== 'waiting-config') return;
    const timer = setTimeout(() => void bootKiosk().then(setBoot), RETRY_MS);
    return () => clearTimeout(timer);
  }, [boot]);

  if (SetupRoute && (boot.phase === 'setup' || other)) {
    const onEnrolled = () => void bootKiosk().then(setBoot);
    return <SetupRoute {...(boot as SetupProps)} onEnrolled={onEnrolled} />;
  }
  if (runtime) return <KioskApp actor={runtime.actor} links={runtime.links} />;
  const shown = boot.phase === 'ready' || boot.phase === 'setup' ? 'loading' : boot.phase;
  return <BootScreen state={shown} />;
}
