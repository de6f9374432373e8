/**
 * The coming MPP bergerak visits on the attract screen, while the kiosk stands idle there:
 * a root of their own inside the attract screen, rendered on each return to it and in the
 * citizen's language of the moment (src/ui/kiosk/Attract/ComingVisits.tsx). On a mobile
 * unit, the staff's way to /mobile beside them (StaffDoor).
 */
import { Fragment, h, render } from 'preact';
import type { ConfigBundle } from '../../domain/config/schema';
import { businessDayOf } from '../../domain/time';
import { ComingVisits } from '../../ui/kiosk/Attract/ComingVisits';
import { StaffDoor } from '../../ui/kiosk/Attract/StaffDoor';
import type { KioskActor } from '../../ui/kiosk/runtime';

/** Shows the visits whenever the attract screen is up; stop() removes them. */
export function showAttractVisits(actor: KioskActor, now: () => number = Date.now) {
  const root = document.createElement('div');
  root.className = 'attract-more';
  const show = () => {
    const snapshot = actor.getSnapshot();
    if (!snapshot.matches('attract')) return;
    const config: ConfigBundle = snapshot.context.config;
    // The attract screen is rendered anew on each return: put the root back into it.
    if (!root.isConnected) document.querySelector('.attract')?.append(root);
    const today = businessDayOf(now(), config.site.timeZone);
    const { lang, profile } = snapshot.context;
    render(
      h(
        Fragment,
        null,
        h(ComingVisits, { visits: config.visits, today, lang }),
        profile.surface === 'mobile' && h(StaffDoor, { lang }),
      ),
      root,
    );
  };
  const subscription = actor.subscribe(() => queueMicrotask(show));
  show();
  return {
    stop() {
      subscription.unsubscribe();
      render(null, root);
      root.remove();
    },
  };
}
