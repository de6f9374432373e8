/**
 * A ticket known only by its printed number: how a counter calls a citizen whose ticket its
 * replica has not seen yet (the kiosk that printed it is cut off), when the QR cannot be
 * scanned. The counter records its actions under a reference id made from the business day
 * and the number; every replica's queue state joins those actions to the ticket of that
 * number once its ticket.issued arrives (./queue.ts).
 * Must:
 * - Pure and deterministic: two counters that type the same number on the same day make
 *   the same reference id, so the double-call rule holds between them too.
 * - One number, one form: "A-012", "a12", "A 12" all read "A-12" (zero padding is not part
 *   of it), and an emergency number keeps its tag ("A-K7").
 * - A reference id is a UUID of version 8 (RFC 9562 §5.8): it never equals a ticket's id,
 *   which is a UUIDv7.
 */

/** The canonical form of a printed number: prefix, '-', emergency tag, seq without padding. */
export type CanonicalNumber = string;

const CANONICAL = /^([A-Z]{1,3})-([A-Z]{0,3})(\d{1,6})$/;

/** The canonical form of a printed number ("A-012" → "A-12"), or null when it is not one. */
export function canonicalOf(printed: string): CanonicalNumber | null {
  const match = CANONICAL.exec(printed);
  if (!match) return null;
  return `${match[1]}-${match[2]}${Number(match[3])}`;
}

/**
 * What a person typed, read as a number of one of `prefixes` (the queues a loket serves):
 * "a12", "A-012", "a k 7". With a '-' the prefix is what precedes it; without one, the
 * longest of `prefixes` the text starts with. Null when it names none of them, or no seq.
 */
export function readTypedNumber(
  typed: string,
  prefixes: readonly string[],
): CanonicalNumber | null {
  const text = typed.toUpperCase().replace(/\s+/g, '');
  if (text.includes('-')) {
    const canonical = canonicalOf(text);
    const prefix = canonical?.slice(0, canonical.indexOf('-'));
    return canonical && prefix && prefixes.includes(prefix) ? canonical : null;
  }
  const prefix = [...prefixes]
    .sort((a, b) => b.length - a.length)
    .find((p) => text.startsWith(p) && /^[A-Z]{0,3}\d{1,6}$/.test(text.slice(p.length)));
  return prefix === undefined ? null : canonicalOf(`${prefix}-${text.slice(prefix.length)}`);
}

/** The reference id of a number on a business day: the same on every device. */
export function numberRefId(businessDay: string, number: CanonicalNumber): string {
  const text = `${businessDay}\n${number}`;
  // Four FNV-1a 32-bit hashes with different offsets: 128 bits, of which 122 are kept.
  const words = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6b43a9b5].map((seed) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  });
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Whether `ticketId` is the reference id of `number` on `businessDay`. */
export function isNumberRef(ticketId: string, businessDay: string, number: string): boolean {
  const canonical = canonicalOf(number);
  return canonical === number && numberRefId(businessDay, canonical) === ticketId;
}
