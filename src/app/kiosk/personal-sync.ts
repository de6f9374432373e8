/**
 * Sending the personal data citizens consented to give at this kiosk (its outbox,
 * src/storage/personal-outbox.ts) once their tickets are in the log: in the kiosk's idle
 * moments, never on a citizen's way. Must: never throws; an entry leaves the outbox only
 * once the server has it; a refused batch (400) is dropped whole, as it can never pass.
 */
import { addDays } from '../../domain/lease-days';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { forgetPersonal, personalToSend, ticketedRefs } from '../../storage/personal-outbox';

/** Days back a ticket of an entry is looked for (a mobile unit may be a week away). */
const DAYS_BACK = 7;

/** Sends what the outbox holds for tickets of the last DAYS_BACK days: how many went. */
export async function sendPersonal(
  db: AnjunganDatabase,
  identity: DeviceIdentity,
  today: string,
  now: number,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<number> {
  try {
    const days = Array.from({ length: DAYS_BACK }, (_, i) => addDays(today, -i));
    const refs = await Promise.all(days.map((day) => ticketedRefs(db, day)));
    const entries = await personalToSend(db, (ref) => refs.some((r) => r.has(ref)), now);
    if (entries.length === 0) return 0;
    const batch = entries.slice(0, 50);
    const response = await fetcher('/api/v1/sync/personal', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${identity.token}` },
      body: JSON.stringify({ entries: batch }),
    });
    if (response.ok || response.status === 400) {
      await forgetPersonal(
        db,
        batch.map((e) => e.ref),
      );
    }
    return response.ok ? batch.length : 0;
  } catch {
    return 0;
  }
}
