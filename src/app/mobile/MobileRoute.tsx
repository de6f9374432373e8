/** /mobile: an MPP bergerak device — enrollment for a mobile profile, then its own screen. */
import { MobileApp } from '../../ui/mobile/MobileApp';
import { DeviceRoute } from '../device-route';
import { startMobile } from './runtime';

const SURFACES = ['mobile'] as const;
const NOT_MINE = {
  id: 'Perangkat ini bukan perangkat MPP bergerak',
  en: 'This device is not a mobile service unit',
};

/** The mobile unit's surface. */
export function MobileRoute() {
  return (
    <DeviceRoute
      surfaces={SURFACES}
      start={startMobile}
      render={(runtime) => <MobileApp store={runtime.store} actions={runtime.actions} />}
      notMine={NOT_MINE}
    />
  );
}
