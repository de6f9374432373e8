/**
 * /display: boots the device like a kiosk, then shows enrollment for a display profile, or
 * the lobby board. Loaded only on boards.
 */
import { useEffect, useState } from 'preact/hooks';
import { BootScreen } from '../../ui/boot/BootScreen';
import { DisplayApp } from '../../ui/display/DisplayApp';
import { type BootState, bootKiosk } from '../kiosk/boot';
import { SetupRoute } from '../kiosk/SetupRoute';
import { type DisplayRuntime, startDisplay } from './runtime';

const RETRY_MS = 10_000;
const SURFACES = ['display'] as const;

/** The board surface. */
export function DisplayRoute() {
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [runtime, setRuntime] = useState<DisplayRuntime | null>(null);

  useEffect(() => {
    void bootKiosk().then(setBoot);
  }, []);

  useEffect(() => {
    if (boot.phase !== 'waiting-config') return;
    const timer = setTimeout(() => void bootKiosk().then(setBoot), RETRY_MS);
    return () => clearTimeout(timer);
  }, [boot]);

  useEffect(() => {
    if (boot.phase !== 'ready' || boot.profile.surface !== 'display') return;
    const started = startDisplay(boot);
    setRuntime(started);
    return () => started.stop();
  }, [boot]);

  if (boot.phase === 'setup') {
    return (
      <SetupRoute
        db={boot.db}
        config={boot.config}
        previous={boot.previous}
        surfaces={SURFACES}
        onEnrolled={() => void bootKiosk().then(setBoot)}
      />
    );
  }
  if (boot.phase === 'ready' && boot.profile.surface !== 'display') {
    return (
      <main class="not-found">
        <h1>Perangkat ini bukan papan antrean</h1>
        <p lang="en">This device is not a queue board</p>
        <a href="/kiosk">Ke anjungan</a>
      </main>
    );
  }
  if (boot.phase === 'ready' && runtime) {
    return <DisplayApp store={runtime.store} actions={runtime.actions} />;
  }
  const shown = boot.phase === 'ready' ? 'loading' : boot.phase;
  return <BootScreen state={shown} />;
}
