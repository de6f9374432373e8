/**
 * /counter: boots the device like a kiosk (its log, its identity, its cached config), then
 * shows enrollment for a counter profile, or the counter itself. Loaded only on counters.
 */
import { useEffect, useState } from 'preact/hooks';
import { BootScreen } from '../../ui/boot/BootScreen';
import { CounterApp } from '../../ui/counter/CounterApp';
import { type BootState, bootKiosk } from '../kiosk/boot';
import { SetupRoute } from '../kiosk/SetupRoute';
import { type CounterRuntime, startCounter } from './runtime';

const RETRY_MS = 10_000;
const SURFACES = ['counter', 'mobile'] as const;

/** The counter surface. */
export function CounterRoute() {
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [runtime, setRuntime] = useState<CounterRuntime | null>(null);

  useEffect(() => {
    void bootKiosk().then(setBoot);
  }, []);

  useEffect(() => {
    if (boot.phase !== 'waiting-config') return;
    const timer = setTimeout(() => void bootKiosk().then(setBoot), RETRY_MS);
    return () => clearTimeout(timer);
  }, [boot]);

  useEffect(() => {
    if (boot.phase !== 'ready' || !SURFACES.includes(boot.profile.surface as 'counter')) return;
    const started = startCounter(boot);
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
  if (boot.phase === 'ready' && !SURFACES.includes(boot.profile.surface as 'counter')) {
    return (
      <main class="not-found">
        <h1>Perangkat ini bukan loket</h1>
        <p lang="en">This device is not a counter</p>
        <a href="/kiosk">Ke anjungan</a>
      </main>
    );
  }
  if (boot.phase === 'ready' && runtime) {
    return <CounterApp store={runtime.store} actions={runtime.actions} />;
  }
  const shown = boot.phase === 'ready' ? 'loading' : boot.phase;
  return <BootScreen state={shown} />;
}
