/**
 * An SKM answer kept on the phone until the server has it: one per ticket, in
 * localStorage, so it survives a lost connection and a closed tab. Storage that is full
 * or switched off (a private window) only means the answer is not kept: never a throw.
 */

/** The localStorage key of the answer kept for a ticket. */
export function skmPendingKey(ticketId: string): string {
  return `anjungan.skm.${ticketId}`;
}

/** Forgets the answer kept for a ticket, if any (sent, answered elsewhere, or refused). */
export function forgetSkmAnswer(ticketId: string): void {
  try {
    localStorage.removeItem(skmPendingKey(ticketId));
  } catch {
    // No storage: nothing was kept.
  }
}
