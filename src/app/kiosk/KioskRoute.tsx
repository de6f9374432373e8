/** /kiosk: boots the device, then shows set-up or the citizen's flow. */
import { useEffect, useState } from 'preact/hooks';
import { BootScreen } from '../../ui/boot/BootScreen';
import { KioskApp } from '../../ui/kiosk/KioskApp';
import { SetupScreen } from '../../ui/setup/SetupScreen';
import { type BootState, bootKiosk, setUpDevice } from './boot';
import { type KioskRuntime, startKiosk } from './runtime';

const RETRY_MS = 10_000;

/** The kiosk surface. */
export function KioskRoute() {
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [runtime, setRuntime] = useState<KioskRuntime | null>(null);

  useEffect(() => {
    void bootKiosk().then(setBoot);
  }, []);

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

  if (boot.phase === 'setup') {
    const onSubmit = (input: { name: string; profileId: string; slot: number }) => {
      setUpDevice(boot.db, boot.config, input)
        .then(bootKiosk)
        .then(setBoot)
        .catch(() =>
          setBoot({ ...boot, error: 'Perangkat tidak dapat disimpan — hubungi petugas.' }),
        );
    };
    const profiles = boot.config.profiles.filter(
      (p) => p.surface === 'kiosk' || p.surface === 'mobile',
    );
    return <SetupScreen profiles={profiles} onSubmit={onSubmit} error={boot.error} />;
  }
  if (boot.phase === 'ready' && runtime)
    return <KioskApp actor={runtime.actor} links={runtime.links} />;
  return <BootScreen state={boot.phase === 'ready' ? 'loading' : boot.phase} />;
}
