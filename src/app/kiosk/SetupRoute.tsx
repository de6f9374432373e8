/**
 * Enrollment on a new device: the set-up screen and its call to the server, in one chunk
 * a device loads once — never on a citizen's way to a ticket.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { type AgainWords, SetupScreen } from '../../ui/setup/SetupScreen';
import { NOT_A_KIOSK, NotMine } from '../not-mine';
import { profileFor } from './boot';
import { enrollDevice, enrollFailureOf } from './enroll';
import { firstSync } from './sync';

export type SetupRouteProps = {
  db: AnjunganDatabase;
  config: ConfigBundle;
  /** A device from before enrollment, or one enrolled before whose token was refused. */
  previous?: DeviceIdentity | null;
  /** Called once the device is enrolled and its identity stored. */
  onEnrolled: () => void;
  /** The surfaces this route's device may be enrolled as (kiosk and mobile unless told). */
  surfaces?: readonly Profile['surface'][];
  /**
   * An enrolled device's profile of a surface this route does not run (the kiosk's route
   * given a counter's, say): "not mine", with the way to its own route.
   */
  profile?: Profile;
  /** Enrolling again (a revoked device): the form is prefilled, worded so, and can be left. */
  again?: { onCancel: () => void; words: AgainWords };
};

/** The enrollment form, busy while the server answers, with its error in both languages. */
export function SetupRoute({
  db,
  config,
  previous = null,
  onEnrolled,
  surfaces = ['kiosk', 'mobile'],
  profile,
  again,
}: SetupRouteProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ id: string; en: string } | undefined>();
  const onSubmit = (input: { code: string; name: string; profileId: string }) => {
    setBusy(true);
    setError(undefined);
    // The first sync pushes what the device holds: after a revocation, what it made meanwhile.
    enrollDevice(db, previous, input).then(
      (identity) => firstSync(db, identity, config, profileFor(config, identity)).then(onEnrolled),
      (failure: unknown) => {
        setBusy(false);
        setError(enrollFailureOf(failure));
      },
    );
  };
  if (profile) return <NotMine surface={profile.surface} notMine={NOT_A_KIOSK} />;
  const profiles = config.profiles.filter((p) => surfaces.includes(p.surface));
  const prefilled = again && previous && { ...again, ...pick(previous) };
  return (
    <SetupScreen
      profiles={profiles}
      onSubmit={onSubmit}
      error={error}
      busy={busy}
      again={prefilled || undefined}
    />
  );
}

const pick = ({ name, profileId }: DeviceIdentity) => ({ name, profileId });
