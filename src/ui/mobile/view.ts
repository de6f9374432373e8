/**
 * What the MPP bergerak screen shows and can do, computed by its runtime
 * (src/app/mobile/runtime.ts) from the device's storage and sync. The screen renders it
 * and calls the actions; it never does I/O.
 */

import type { ConfigBundle, Visit } from '../../domain/config/schema';
import type { VisitReport } from '../../domain/visit-report';
import type { Message, StaffOption } from '../counter/view';
import type { ViewStore } from '../hooks/use-store';

/** One line a trip is short by: numbers of a queue, or quota tokens of a service, on a day. */
export type Shortfall = {
  day: string;
  kind: 'numbers' | 'quota';
  /** The queue prefix or the service id. */
  what: string;
  held: number;
  needed: number;
};

export type Check =
  | { id: 'visits'; ok: boolean; visits: number }
  | { id: 'leases'; ok: boolean; short: Shortfall[] }
  | { id: 'storage'; ok: boolean; persisted: boolean | null }
  | { id: 'offline'; ok: boolean }
  | {
      id: 'printer';
      ok: boolean;
      kind: 'browser' | 'escpos' | 'none';
      tested: { at: number; ok: boolean; via: string } | null;
    }
  | { id: 'staff'; ok: boolean; staff: number };

export type Readiness = { ready: boolean; checks: Check[] };

/** What /mobile shows. */
export type MobileView = {
  lang: 'id' | 'en';
  config: ConfigBundle;
  deviceName: string;
  today: string;
  trip: Visit[];
  readiness: Readiness | null;
  preparing: boolean;
  online: boolean;
  lastSyncAt: number | null;
  /** Own events not sent yet, and when the oldest of them was recorded (null: none). */
  pending: { count: number; since: number | null };
  /** A test print waiting for the staff to say whether it came out right. */
  printAsked: boolean;
  /** A printer action's failure, in one line for the staff. */
  printerError: string | null;
  report: { visit: Visit; report: VisitReport } | null;
  /**
   * While staff must sign in first (the device holds staff verifiers): who may, what they
   * were told, whether a check is running. Null: the screen is open.
   */
  signIn: { staff: StaffOption[]; message: Message | null; busy: boolean } | null;
};

export type MobileActions = {
  /** One action before leaving: storage kept, staff verifiers, config and leases by a sync. */
  prepare(): Promise<void>;
  /** Pairs an ESC/POS printer (from a tap: the browser asks the staff to choose). */
  pairPrinter(): Promise<void>;
  /** Prints the test page; the staff then say whether it came out right. */
  testPrint(): Promise<void>;
  confirmPrint(ok: boolean): Promise<void>;
  /** The report of `visitId` from this device's log, every day of it. */
  showReport(visitId: string): Promise<void>;
  /** The shown report as CSV (the screen offers it as a file), null when none is shown. */
  reportCsv(): string | null;
  setLanguage(lang: 'id' | 'en'): void;
  /** A staff member's PIN, checked on the device (offline too). */
  signIn(staffId: string, pin: string): void;
  /** A first PIN with an admin's set-up code (the server must answer). */
  firstPin(setupCode: string, pin: string): void;
  dismissMessage(): void;
};

/** The view's store (../hooks/use-store.ts). */
export type MobileStore = ViewStore<MobileView>;
