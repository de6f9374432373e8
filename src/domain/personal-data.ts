/**
 * Personal data a service's config asks for (UU 27/2022; ../../shared DOMAIN §6.6): only
 * digits here — a phone number, a NIK — each checked, masked wherever it is shown or
 * printed, and kept apart from the queue's log under a reference the ticket carries.
 * Must: pure; a mask never shows more than the first and last four digits.
 */

/** What a field holds. */
export type PersonalKind = 'phone' | 'nik';

/** The digits each kind takes: an Indonesian mobile number, a 16-digit NIK. */
export const PERSONAL_PATTERNS: Readonly<Record<PersonalKind, RegExp>> = {
  phone: /^08\d{8,11}$/,
  nik: /^\d{16}$/,
};

/** The most digits a field of `kind` takes. */
export const PERSONAL_MAX_DIGITS: Readonly<Record<PersonalKind, number>> = { phone: 13, nik: 16 };

/** One field as the citizen gave it. */
export type PersonalField = { id: string; kind: PersonalKind; value: string };

/** What a kiosk keeps, then sends: the fields of one consent, under the ticket's reference. */
export type PersonalEntry = {
  ref: string;
  serviceId: string;
  fields: PersonalField[];
  consentedAt: number;
};

/** Whether `value` is a well-formed field of `kind`. */
export function validPersonal(kind: PersonalKind, value: string): boolean {
  return PERSONAL_PATTERNS[kind].test(value);
}

/** "0812••••5678", "3201••••••••0001": the first and last four digits, the rest hidden. */
export function maskPersonal(value: string): string {
  if (value.length <= 8) return '•'.repeat(value.length);
  return `${value.slice(0, 4)}${'•'.repeat(value.length - 8)}${value.slice(-4)}`;
}
