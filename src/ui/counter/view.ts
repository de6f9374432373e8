/**
 * What the counter screens show, computed by the composition root from the device's queue
 * state and the signed-in session (src/app/counter/runtime.ts). The screens only render it
 * and call the actions; they never do I/O.
 */

import type { CollectPlace } from '../../domain/events';
import type { ViewStore } from '../hooks/use-store';
import type { CounterLanguage } from './text';

/** Words in both languages (from outside the counter's own table: errors, notices). */
export type Message = { id: string; en: string; tone: 'info' | 'warn' | 'danger' };

export type StaffOption = { staffId: string; name: string; hasPin: boolean; locked: boolean };
export type ServiceOption = { id: string; name: string; agency: string };

/** The ticket a loket holds (called or being served). */
export type TicketCard = {
  id: string;
  number: string;
  service: string;
  agency: string;
  status: 'called' | 'serving';
  /** Null for a ticket not seen here yet: when it arrived is not known. */
  waitedMinutes: number | null;
  priority: boolean;
  journey: { step: number; of: number } | null;
  transfers: number;
  recalls: number;
  /** Called by its QR or typed number before its ticket reached this counter. */
  unseen: boolean;
  /** Its service's requirements, for marking what the citizen did not bring. */
  requirements: { id: string; name: string }[];
};

/** A finish other than plainly served: a file received for processing, or requirements missing. */
export type FinishDetail =
  | { outcome: 'received'; ready: { date: string; place: CollectPlace } }
  | { outcome: 'incomplete'; missing: string[] };

/** One waiting ticket of the loket's services, in serving order. */
export type WaitingRow = {
  id: string;
  number: string;
  service: string;
  waitedMinutes: number;
  priority: boolean;
  journey: { step: number; of: number } | null;
  transferred: boolean;
  held: boolean;
  next: boolean;
};

export type CounterView =
  | { screen: 'loading'; lang: CounterLanguage }
  | {
      screen: 'sign-in';
      lang: CounterLanguage;
      staff: StaffOption[];
      message: Message | null;
      busy: boolean;
    }
  | {
      screen: 'open-loket';
      lang: CounterLanguage;
      me: string;
      services: ServiceOption[];
      message: Message | null;
    }
  | {
      screen: 'desk';
      lang: CounterLanguage;
      me: string;
      loket: string;
      /** The loket's business day (the earliest date a received file can be ready). */
      day: string;
      paused: boolean;
      services: ServiceOption[];
      transferTargets: ServiceOption[];
      current: TicketCard[];
      waiting: WaitingRow[];
      message: Message | null;
      online: boolean;
    };

export type CounterActions = {
  setLanguage(lang: CounterLanguage): void;
  signIn(staffId: string, pin: string): void;
  firstPin(setupCode: string, pin: string): void;
  signOut(): void;
  openLoket(loket: string, serviceIds: string[]): void;
  callNext(): void;
  recall(ticketId: string): void;
  serve(ticketId: string): void;
  finish(ticketId: string): void;
  /** Finishes with what an MPP bergerak team (or any loket) records beyond "served". */
  finishWith(ticketId: string, detail: FinishDetail): void;
  noShow(ticketId: string): void;
  transfer(ticketId: string, serviceId: string): void;
  /** A typed number or a scanned ticket QR, and why it is called out of order. */
  callSpecific(query: string, reason: 'returned' | 'appointment' | 'urgent' | 'other'): void;
  pause(): void;
  resume(): void;
  close(): void;
  dismissMessage(): void;
};

/** The view's store (../hooks/use-store.ts). */
export type CounterStore = ViewStore<CounterView>;
