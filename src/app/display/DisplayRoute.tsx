/** /display: a lobby board device — enrollment for a display profile, then the board. */
import { DisplayApp } from '../../ui/display/DisplayApp';
import { DeviceRoute } from '../device-route';
import { startDisplay } from './runtime';

const SURFACES = ['display'] as const;
const NOT_MINE = {
  id: 'Perangkat ini bukan papan antrean',
  en: 'This device is not a queue board',
};

/** The board surface. */
export function DisplayRoute() {
  return (
    <DeviceRoute
      surfaces={SURFACES}
      start={startDisplay}
      render={(runtime) => <DisplayApp store={runtime.store} actions={runtime.actions} />}
      notMine={NOT_MINE}
    />
  );
}
