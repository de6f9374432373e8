/**
 * The lokets of the queue state (./queue.ts): each as its last change says, and the actions
 * of a counter the ticket rules refused.
 */
import { isEventOf } from './events';
import type { ActionConflict, CounterView, QueueBook } from './queue';

type CounterEvent =
  ReturnType<QueueBook['model']>['counterEvents'] extends ReadonlyMap<string, readonly (infer E)[]>
    ? E
    : never;

/** Every loket that changed on `day`, by device, as its last change says. */
export function counters(book: QueueBook, day: string): CounterView[] {
  const out: CounterView[] = [];
  for (const events of book.model().counterEvents.values()) {
    const last = lastOfDay(events, day);
    if (last) out.push(counterView(events, last));
  }
  return out.sort((a, b) => a.loket.localeCompare(b.loket, 'en', { numeric: true }));
}

/** The actions of a device the ticket rules refused. */
export function conflictsOf(book: QueueBook, deviceId: string): ActionConflict[] {
  const out: ActionConflict[] = [];
  for (const rec of book.model().conflicted) {
    for (const action of rec.derived?.conflicts ?? []) {
      if (action.deviceId !== deviceId) continue;
      out.push({
        eventId: action.id,
        type: action.type,
        ticketId: rec.id,
        deviceId,
        loket: action.data.loket,
        status: book.viewOf(rec).status,
        heldAt: rec.derived?.loket ?? null,
      });
    }
  }
  return out;
}

function lastOfDay(events: readonly CounterEvent[], day: string): CounterEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]?.businessDay === day) return events[i];
  }
  return undefined;
}

/** A loket from its last change; a pause or close keeps the services it last opened with. */
function counterView(events: readonly CounterEvent[], last: CounterEvent): CounterView {
  let serviceIds: readonly string[] = [];
  for (let i = events.indexOf(last); i >= 0; i--) {
    const event = events[i] as CounterEvent;
    if (isEventOf(event, 'counter.opened')) {
      serviceIds = event.data.serviceIds;
      break;
    }
  }
  const state = {
    'counter.opened': 'open',
    'counter.paused': 'paused',
    'counter.closed': 'closed',
  } as const;
  return {
    deviceId: last.deviceId,
    loket: last.data.loket,
    state: state[last.type],
    serviceIds,
    staffId: last.data.staffId,
    businessDay: last.businessDay,
    hlc: last.hlc,
  };
}
