/** /counter: a counter device — enrollment for a counter profile, then the counter. */
import { CounterApp } from '../../ui/counter/CounterApp';
import { DeviceRoute } from '../device-route';
import { type CounterRuntime, startCounter } from './runtime';

const SURFACES = ['counter', 'mobile'] as const;
const NOT_MINE = { id: 'Perangkat ini bukan loket', en: 'This device is not a counter' };
/** An app update reloads the page only while nobody is signed in (a reload signs out). */
const mayUpdate = (runtime: CounterRuntime) => runtime.store.getSnapshot().screen === 'sign-in';

/** The counter surface. */
export function CounterRoute() {
  return (
    <DeviceRoute
      surfaces={SURFACES}
      start={startCounter}
      render={(runtime) => (
        <CounterApp store={runtime.store} actions={runtime.actions} unit={runtime.unit} />
      )}
      notMine={NOT_MINE}
      mayUpdate={mayUpdate}
    />
  );
}
