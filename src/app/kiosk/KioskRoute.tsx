/** /kiosk: boots the device, then shows enrollment or the citizen's flow. */
import { useEffect, useState } from 'preact/hooks';
import { BootScreen } from '../../ui/boot/BootScreen';
import { KioskApp } from '../../ui/kiosk/KioskApp';
import { useLazyComponent } from '../lazy';
import { type BootState, bootKiosk, firstBoot } from './boot';
import { type KioskRuntime, startKiosk } from './runtime';

const RETRY_MS = 10_000;

/** Staff-only: loaded once per device, never on a citizen's path. */
const loadSetupRoute = () => import('./SetupRoute').then((m) => m.SetupRoute);

/** The kiosk surface. */
export function KioskRoute() {
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [runtime, setRuntime] = useState<KioskRuntime | null>(null);
  const SetupRoute = useLazyComponent(loadSetupRoute, boot.phase === 'setup');

  useEffect(() => {
    void firstBoot().then(setBoot);
  }, []);

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

  useEffect(() => {
    if (boot.phase !== 'ready') return;
    const started = startKiosk(boot);
    setRuntime(started);
    return () => started.stop();
  }, [boot]);

  if (boot.phase === 'setup' && SetupRoute) {
    const onEnrolled = () => void bootKiosk().then(setBoot);
    return (
      <SetupRoute
        db={boot.db}
        config={boot.config}
        previous={boot.previous}
        onEnrolled={onEnrolled}
      />
    );
  }
  if (boot.phase === 'ready' && runtime)
    return <KioskApp actor={runtime.actor} links={runtime.links} />;
  const shown = boot.phase === 'ready' || boot.phase === 'setup' ? 'loading' : boot.phase;
  return <BootScreen state={shown} />;
}
