/**
 * The device's last print that did not come out (an ESC/POS printer off, out of paper or
 * out of range), for the screen that tells the citizen the way on: the ticket exists once
 * its event is durable, printed or not. One per page; null when the last print went well.
 */
export type PrintProblem = {
  /** One line for the staff (the transport's words); no personal data: a ticket has none. */
  detail: string;
  /** Prints the same document again. */
  retry(): void;
};

let current: PrintProblem | null = null;
const listeners = new Set<() => void>();

/** The last print's problem, or null. */
export function printProblem(): PrintProblem | null {
  return current;
}

/** Records how the last print went (null: it printed). */
export function setPrintProblem(problem: PrintProblem | null): void {
  current = problem;
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after each change; returns the unsubscribe. */
export function onPrintProblem(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
