/**
 * A counter's reports of the PINs it checked to the site server, one at a time and in order;
 * what the server did not answer is kept and sent first once it does (README, "Staff and
 * PINs").
 */
import type { AnjunganDatabase } from '../../storage/db';
import {
  dropReportedSignIns,
  keepUnreportedSignIn,
  readUnreportedSignIns,
} from '../../storage/staff';
import type { StaffClient } from '../../sync/staff-client';
import { TransportError } from '../../sync/transport';
import { type ReportSignIn, SIGN_IN_REPORT_TIMEOUT_MS } from './sign-in';

/**
 * A counter's reports to the site server, one at a time and in order. An outcome the
 * server did not take for lack of an answer is kept (durably, before the sign-in answers)
 * and reported before any later one, so wrong PINs typed while the server was down count
 * on the site once it is back. An outcome the server refused (an unknown person, the
 * site's budget) is not kept.
 */
export function signInReporter(db: AnjunganDatabase, client: StaffClient) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => {});
    return next;
  };
  /** Sends what was kept, oldest first; false when the server stopped answering. */
  const sendKept = async (signal: AbortSignal): Promise<boolean> => {
    const kept = await readUnreportedSignIns(db);
    let done = 0;
    try {
      for (const outcome of kept) {
        await client.reportSignIn(outcome, signal).catch((error: unknown) => {
          if (!isRefusal(error)) throw error;
        });
        done += 1;
      }
      return true;
    } catch {
      return false;
    } finally {
      if (done > 0) await dropReportedSignIns(db, done);
    }
  };
  const report: ReportSignIn = (staffId, ok) =>
    serial(async () => {
      const signal = AbortSignal.timeout(SIGN_IN_REPORT_TIMEOUT_MS);
      try {
        if (await sendKept(signal)) return await client.reportSignIn({ staffId, ok }, signal);
      } catch (error) {
        if (isRefusal(error)) return null;
      }
      await keepUnreportedSignIn(db, { staffId, ok });
      return null;
    });
  return {
    report,
    /** Reports what was kept while the server did not answer; true when nothing is left. */
    flush: (): Promise<boolean> =>
      serial(() => sendKept(AbortSignal.timeout(3 * SIGN_IN_REPORT_TIMEOUT_MS))).catch(
        () => false, // storage trouble: the next flush tries again
      ),
  };
}

/** An answer of the server that refused the report (not a missing answer). */
function isRefusal(error: unknown): boolean {
  return error instanceof TransportError && error.kind === 'http';
}
