/**
 * The store's roles that hold what citizens gave (./store.ts composes them): SKM answers,
 * personal data a service asked for with consent, and bookings made elsewhere.
 */
import type { Booking } from '../../domain/bookings';
import type { PersonalEntry } from '../../domain/personal-data';
import type { SkmResponse } from './skm';

/** SKM answers, one per ticket (./skm.ts). */
export interface SkmAnswers {
  /** Stores the ticket's answer unless it has one: true when this one was stored. */
  recordSkm(siteId: string, response: SkmResponse): Promise<boolean>;
  hasSkm(siteId: string, ticketId: string): Promise<boolean>;
  /** The answers of tickets of days `from`…`to`, inclusive. */
  skmResponses(siteId: string, from: string, to: string): Promise<SkmResponse[]>;
  /** Forgets suggestions that came before `before` (personal-data retention); how many. */
  forgetSuggestions(siteId: string, before: number): Promise<number>;
}

/** Personal data citizens consented to give, kept apart (./personal-data.ts). */
export interface PersonalData {
  /** Stores the entries' fields not stored yet: how many rows it added. */
  savePersonalData(
    siteId: string,
    entries: readonly PersonalEntry[],
    receivedAt: number,
  ): Promise<number>;
  personalDataCount(siteId: string): Promise<number>;
  /** Forgets the fields received before `before`: how many. */
  forgetPersonalData(siteId: string, before: number): Promise<number>;
}

/** Bookings made elsewhere, as imported (./bookings.ts). */
export interface Bookings {
  /** Stores an import whole (a code replaces its earlier booking); forgets days before `forgetBefore`. */
  saveBookings(
    siteId: string,
    bookings: readonly Booking[],
    at: number,
    forgetBefore: string,
  ): Promise<void>;
  /** Those of `codes` that are bookings of the site (any day). */
  knownBookingCodes(siteId: string, codes: readonly string[]): Promise<Set<string>>;
  /** Bookings of days `from`…`to` inclusive, and the latest import among them. */
  bookingsBetween(
    siteId: string,
    from: string,
    to: string,
  ): Promise<{ bookings: Booking[]; importedAt: number }>;
}
