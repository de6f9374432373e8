/**
 * The tickets of one journey (a visit's linked tickets across agencies, ./events.ts
 * JourneyStep) in step order, and the step the citizen is at now: the one reading of a
 * journey that the site server's phone answer, the kiosk and the counter share.
 * Must: a link counts only when both tickets name the same journey and follow each other
 * (step n names step n−1 as `after`), so a device's wrong `after` never joins two visits.
 */
import { byArrival, type QueueBook, type TicketRecord, type TicketView } from './queue';

/** The tickets of the journey ticket `id` belongs to, in step order; [] when it has none. */
export function journeyTickets(book: QueueBook, id: string): TicketView[] {
  const ticket = book.ticket(id);
  const journey = ticket?.journey;
  if (!ticket || !journey) return [];
  const steps = [ticket];
  // Back along `after` to the first step the book holds.
  for (let at = ticket; at.journey?.after !== undefined; ) {
    const before = book.ticket(at.journey.after);
    if (!before || !follows(at, before)) break;
    steps.unshift(before);
    at = before;
  }
  // On through the steps that name the last one found.
  const { dependents } = book.model();
  for (let at = ticket; at.journey && at.journey.step < at.journey.of; ) {
    const next = firstByArrival(
      [...(dependents.get(at.id) ?? [])].filter((rec) => {
        const step = rec.issued?.data.journey;
        return step?.id === journey.id && step.step === (at.journey?.step ?? 0) + 1;
      }),
    );
    if (next === undefined) break;
    const view = book.viewOf(next);
    steps.push(view);
    at = view;
  }
  return steps;
}

/**
 * Where in its journey the citizen stands: the first step not finished (a finished step
 * lets the next one join its queue), or the last step once every one is finished.
 */
export function currentStepIndex(steps: readonly Pick<TicketView, 'status'>[]): number {
  const open = steps.findIndex((s) => s.status !== 'done');
  return open < 0 ? Math.max(0, steps.length - 1) : open;
}

/** Whether `before` is the step right before `ticket` in the same journey. */
function follows(ticket: TicketView, before: TicketView): boolean {
  return (
    before.journey?.id === ticket.journey?.id &&
    before.journey?.step === (ticket.journey?.step ?? 0) - 1
  );
}

function firstByArrival(recs: TicketRecord[]): TicketRecord | undefined {
  return recs.sort(byArrival)[0];
}
