/** Types shared by the kiosk machine, its selectors, the UI and the composition root. */
import type { Availability } from '../domain/availability';
import type { CheckInVerdict, TicketBooking } from '../domain/bookings';
import type { ConfigBundle, Language, LocalText, Profile } from '../domain/config/schema';
import type { PriorityCategory } from '../domain/events';
import type { PersonalField } from '../domain/personal-data';
import type { RequirementAnswers, RequirementMark } from '../domain/requirements';

/** Where this kiosk stands: the lobby of the MPP or a mobile unit's visit. */
export type Place = 'lobby' | 'mobile';

export type KioskInput = { config: ConfigBundle; profile: Profile; place: Place };

/** What the composition root needs to issue a ticket (no personal data). */
export type IssueRequest = {
  agencyId: string;
  serviceId: string;
  priority: PriorityCategory | null;
  purpose: 'service' | 'consultation';
  missing: string[];
  language: Language;
  /** A journey: the prerequisite service at another agency, issued first. */
  before?: { agencyId: string; serviceId: string };
  /** A booking made elsewhere, checked in (src/domain/bookings.ts). */
  booking?: TicketBooking;
  /** The reference of personal data the citizen consented to give (kept apart). */
  personalRef?: string;
};

/**
 * Personal data the citizen gave for the service, as the flow keeps it: the reference its
 * ticket carries and each field masked for the screen and the ticket (src/domain/
 * personal-data.ts). The values themselves went to the kiosk's outbox, never here.
 */
export type PersonalChoice = { ref: string; shown: { label: LocalText; masked: string }[] };

/** One ticket of a journey, as the kiosk shows and prints it. */
export type JourneyTicket = { id: string; number: string; agencyId: string; serviceId: string };

/** A ticket whose event has committed to the device's log. */
export type IssuedTicket = {
  id: string;
  number: string;
  agencyId: string;
  serviceId: string;
  businessDay: string;
  issuedAt: number;
  /**
   * Of the ticket to wait for now (a journey's first step); null when the queue state was
   * not at hand: the ticket is shown without them.
   */
  peopleAhead: number | null;
  waitMinutes: number | null;
  emergency: boolean;
  priority: PriorityCategory | null;
  purpose: 'service' | 'consultation';
  /** The language it was taken in, as its event records it; Indonesian when absent. */
  language?: Language;
  /** Every ticket of a journey, in order (this one last); the first is the one to wait for now. */
  journey?: JourneyTicket[];
};

/** How a check-in of a booking ended (src/app/kiosk/check-in.ts). */
export type CheckInOutcome =
  | { kind: 'ticket'; ticket: IssuedTicket }
  | Exclude<CheckInVerdict, { kind: 'ok' }>
  | { kind: 'no-service' }
  | { kind: 'failed' };

/** Why issuing failed; anything else is treated as 'storage'. */
export type IssueFailure = 'storage' | 'quota-exhausted';

/** Error thrown by the issueTicket actor. */
export class IssueError extends Error {
  constructor(
    readonly failure: IssueFailure,
    options?: { cause?: unknown },
  ) {
    super(`issue failed: ${failure}`, options);
    this.name = 'IssueError';
  }
}

export type KioskContext = {
  config: ConfigBundle;
  profile: Profile;
  place: Place;
  /** A config that arrived mid-session; applied when the session ends. */
  pendingConfig: ConfigBundle | null;
  lang: Language;
  largeText: boolean;
  query: string;
  /** The agency group open on the agency screen, when the site has groups. */
  groupId: string | null;
  agencyId: string | null;
  serviceId: string | null;
  answers: RequirementAnswers;
  /** Queue anyway for consultation although a mandatory requirement is missing. */
  consultation: boolean;
  /** One visit with linked tickets: the prerequisite service to queue for first. */
  before: { agencyId: string; serviceId: string } | null;
  /** undefined until the citizen answers; null = not a priority group. */
  priority: PriorityCategory | null | undefined;
  /** Personal data given for the service, when it asks and the citizen consented. */
  personal: PersonalChoice | null;
  ticket: IssuedTicket | null;
  failure: IssueFailure | null;
  printCount: number;
  availability: Readonly<Record<string, Availability>>;
  /** Today's most-asked services, most first (empty until the queue state is in). */
  popular: readonly string[];
};

export type KioskEvent =
  | { type: 'session.start'; lang?: Language }
  | { type: 'language.set'; lang: Language }
  | { type: 'display.toggle' }
  | { type: 'activity' }
  | { type: 'idle.extend' }
  | { type: 'search.changed'; query: string }
  | { type: 'group.selected'; groupId: string }
  | { type: 'agency.selected'; agencyId: string }
  | { type: 'service.selected'; serviceId: string }
  | { type: 'requirements.start' }
  /** The service's whole requirement list on paper (from its page, when it is closed). */
  | { type: 'requirements.print' }
  | { type: 'question.answered'; questionId: string; answer: boolean }
  | { type: 'requirement.marked'; key: string; mark: RequirementMark }
  | { type: 'requirements.done' }
  | { type: 'missing.print' }
  | { type: 'missing.queueAnyway' }
  | { type: 'prerequisite.confirmed' }
  | { type: 'prerequisite.goto'; agencyId: string; serviceId?: string }
  | { type: 'prerequisite.journey'; agencyId: string; serviceId: string }
  | { type: 'priority.chosen'; category: PriorityCategory | null }
  /** Given with consent (its values for the outbox), or declined (null). */
  | { type: 'personal.done'; fields: PersonalField[] | null; shown: PersonalChoice['shown'] }
  | { type: 'ticket.confirm' }
  | { type: 'booking.ticket'; ticket: IssuedTicket }
  | { type: 'ticket.print' }
  | { type: 'ticket.done' }
  | { type: 'nav.back' }
  | { type: 'nav.home' }
  | {
      type: 'availability.updated';
      availability: Readonly<Record<string, Availability>>;
      popular?: readonly string[];
    }
  | { type: 'config.updated'; config: ConfigBundle; profile: Profile }
  | { type: 'storage.failed' }
  | { type: 'storage.recovered' };
