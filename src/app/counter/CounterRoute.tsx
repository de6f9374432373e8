/** /counter: a counter device — enrollment for a counter profile, then the counter. */
import { CounterApp } from '../../ui/counter/CounterApp';
import { DeviceRoute } from '../device-route';
import { startCounter } from './runtime';

const SURFACES = ['counter', 'mobile'] as const;
const NOT_MINE = { id: 'Perangkat ini bukan loket', en: 'This device is not a counter' };

/** The counter surface. */
export function CounterRoute() {
  return (
    <DeviceRoute
      surfaces={SURFACES}
      start={startCounter}
      render={(runtime) => <CounterApp store={runtime.store} actions={runtime.actions} />}
      notMine={NOT_MINE}
    />
  );
}
