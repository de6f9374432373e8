/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 74 random bits. Pure: the
 * caller passes the time and the random bytes, so ids are reproducible in tests.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUIDv7 string from a timestamp and at least 10 random bytes. */
export function uuidv7From(ms: number, random: ArrayLike<number>): string {
  if (random.length < 10) throw new RangeError('uuidv7 needs 10 random bytes');
  const time = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1));
  const bytes = new Array<number>(16);
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(time / 2 ** (8 * (5 - i))) % 256;
  for (let i = 0; i < 10; i++) bytes[6 + i] = (random[i] ?? 0) & 0xff;
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const h = bytes.map((b) => HEX[b]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The millisecond timestamp inside a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` has the form of a UUID (any version): ids in paths are checked before a lookup. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
