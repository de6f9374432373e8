/**
 * The replica's other writes: a counter's actions and a loket's changes, appended in one
 * durable transaction and then put in the state. Apart from ./replica.ts so a kiosk does
 * not carry them to its first ticket.
 */
import type { EventType, KioskEvent } from '../domain/events';
import type { DeviceIdentity } from '../storage/db';
import { appendDeviceEvent, type EventDraft } from '../storage/device-events';
import { appendTickets, type TicketDraft } from '../storage/tickets';
import type { Replica } from './replica';

/** Records one event of this device, then applies it to the replica's state. */
export async function appendEvent<T extends EventType>(
  replica: Replica,
  identity: DeviceIdentity,
  draft: EventDraft<T>,
): Promise<KioskEvent<T>> {
  const event = await appendDeviceEvent(replica.db, identity, draft);
  replica.applyCommitted([event]);
  return event;
}

/** Issues the tickets of a journey in one durable transaction, then applies them. */
export async function appendJourney(
  replica: Replica,
  identity: DeviceIdentity,
  drafts: readonly TicketDraft[],
): Promise<KioskEvent<'ticket.issued'>[]> {
  const events = await appendTickets(replica.db, identity, drafts);
  replica.applyCommitted(events);
  return events;
}
