/**
 * A zip (an .xlsx is one) checked before any library inflates it: its central directory
 * read here, each entry's declared size and then its actual size (inflated with a ceiling)
 * held to a bound, so a zip bomb is refused having cost at most that bound.
 * Must: only a plain zip passes — no ZIP64, no encryption, no bytes around the directory —
 * so the library that reads it next sees the same entries this check saw.
 */
import { inflateRawSync } from 'node:zlib';

/** What a zip may hold once unpacked. */
export type ZipBounds = { maxEntries: number; maxUnpackedBytes: number };

/** Why a zip was refused: not a plain zip (`corrupt`) or unpacking beyond the bounds. */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: 'corrupt' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** One entry as the central directory declares it. */
type Entry = {
  name: string;
  method: number;
  flags: number;
  packed: number;
  size: number;
  at: number;
};

/**
 * Checks `bytes` is a plain zip within `bounds`: declared sizes first (nothing inflated
 * when they exceed it), then each entry inflated with its declared size as a ceiling.
 * Returns the number of bytes it unpacks to; throws a ZipRefusal otherwise.
 */
export function checkZip(bytes: Uint8Array, bounds: ZipBounds): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(view, bounds);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > bounds.maxUnpackedBytes) throw tooLarge(bounds);
  for (const entry of entries) {
    const data = entryData(view, bytes, entry);
    const size = unpackedSize(data, entry);
    if (size !== entry.size) throw corrupt(`${entry.name} is not the size its directory says`);
  }
  return declared;
}

/** The entries of the central directory, which must end where its end record begins. */
function centralDirectory(view: DataView, bounds: ZipBounds): Entry[] {
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  const length = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === MAX16 || length === MAX32 || start === MAX32) throw corrupt('ZIP64 is not read');
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count) {
    throw corrupt('a zip in parts is not read');
  }
  if (start + length !== end) throw corrupt('the central directory is not where it says');
  if (count > bounds.maxEntries) throw tooLarge(bounds);
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw corrupt('a broken entry');
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const entry: Entry = {
      name: new TextDecoder().decode(
        new Uint8Array(
          view.buffer,
          view.byteOffset + at + 46,
          Math.max(0, Math.min(nameLength, end - at - 46)),
        ),
      ),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      at: view.getUint32(at + 42, true),
    };
    if (entry.packed === MAX32 || entry.size === MAX32 || entry.at === MAX32) {
      throw corrupt('ZIP64 is not read');
    }
    entries.push(entry);
    at += 46 + skip;
  }
  if (at !== end) throw corrupt('the central directory does not hold what it says');
  return entries;
}

/** Where the end-of-central-directory record starts (the last one, as readers look). */
function endRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - MAX16);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw corrupt('not a zip');
}

/** The packed bytes of an entry, after its local header. */
function entryData(view: DataView, bytes: Uint8Array, entry: Entry): Uint8Array {
  if (entry.at + 30 > view.byteLength || view.getUint32(entry.at, true) !== LOCAL) {
    throw corrupt(`${entry.name} has no local header`);
  }
  if ((entry.flags & 1) !== 0) throw corrupt('an encrypted zip is not read');
  const from =
    entry.at + 30 + view.getUint16(entry.at + 26, true) + view.getUint16(entry.at + 28, true);
  if (from + entry.packed > view.byteLength) throw corrupt(`${entry.name} is cut short`);
  return bytes.subarray(from, from + entry.packed);
}

/** How many bytes an entry unpacks to, inflating no more than its declared size + 1. */
function unpackedSize(data: Uint8Array, entry: Entry): number {
  if (entry.method === 0) return data.byteLength;
  if (entry.method !== 8) throw corrupt(`${entry.name}: compression ${entry.method} is not read`);
  try {
    return inflateRawSync(data, { maxOutputLength: entry.size + 1 }).byteLength;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ZipRefusal(
        'too_large',
        `The .xlsx's ${entry.name} unpacks to more than it declares.`,
      );
    }
    throw corrupt(`${entry.name} does not unpack`);
  }
}

function corrupt(detail: string): ZipRefusal {
  return new ZipRefusal('corrupt', `Not a readable .xlsx (a zip): ${detail}.`);
}

function tooLarge(bounds: ZipBounds): ZipRefusal {
  return new ZipRefusal(
    'too_large',
    `The .xlsx unpacks to more than ${Math.round(bounds.maxUnpackedBytes / 2 ** 20)} MiB or ${bounds.maxEntries} files.`,
  );
}
