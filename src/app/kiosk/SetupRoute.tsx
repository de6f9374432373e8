/**
 * Enrollment on a new device: the set-up screen and its call to the server, in one chunk
 * a device loads once — never on a citizen's way to a ticket.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { SetupScreen } from '../../ui/setup/SetupScreen';
import { profileFor } from './boot';
import { enrollDevice, enrollFailureOf } from './enroll';
import { firstSync } from './sync';

export type SetupRouteProps = {
  db: AnjunganDatabase;
  config: ConfigBundle;
  previous: DeviceIdentity | null;
  /** Called once the device is enrolled and its identity stored. */
  onEnrolled: () => void;
  /** The surfaces this route's device may be enrolled as (kiosk and mobile unless told). */
  surfaces?: readonly Profile['surface'][];
};

/** The enrollment form, busy while the server answers, with its error in both languages. */
export function SetupRoute({
  db,
  config,
  previous,
  onEnrolled,
  surfaces = ['kiosk', 'mobile'],
}: SetupRouteProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ id: string; en: string } | undefined>();
  const onSubmit = (input: { code: string; name: string; profileId: string }) => {
    setBusy(true);
    setError(undefined);
    enrollDevice(db, previous, input).then(
      (identity) => firstSync(db, identity, config, profileFor(config, identity)).then(onEnrolled),
      (failure: unknown) => {
        setBusy(false);
        setError(enrollFailureOf(failure));
      },
    );
  };
  const profiles = config.profiles.filter((p) => surfaces.includes(p.surface));
  return <SetupScreen profiles={profiles} onSubmit={onSubmit} error={error} busy={busy} />;
}
