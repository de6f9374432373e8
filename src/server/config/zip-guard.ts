/**
 * A zip (an .xlsx is one) unpacked here before any library sees it: its central directory
 * read, each entry's declared size and then its actual size (inflated with a ceiling) held
 * to a bound, so a zip bomb is refused having cost at most that bound. What a library then
 * reads is a zip packed here again (stored, of the entries chosen), never the one sent.
 * Must: only a plain zip passes — no ZIP64, no encryption, no bytes around the directory.
 */
import { crc32, inflateRawSync } from 'node:zlib';

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
 * The files of `bytes`, a plain zip within `bounds`, by name (a leading "/" dropped):
 * declared sizes checked first (nothing inflated when they exceed it), then each entry
 * inflated with its declared size as a ceiling. Throws a ZipRefusal otherwise.
 */
export function unpackZip(bytes: Uint8Array, bounds: ZipBounds): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(view, bounds);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > bounds.maxUnpackedBytes) throw tooLarge(bounds);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const name = entry.name.replace(/^\//, '');
    if (files.has(name)) throw corrupt(`${name} is in it twice`);
    const data = unpacked(entryData(view, bytes, entry), entry);
    if (data.byteLength !== entry.size) {
      throw corrupt(`${entry.name} is not the size its directory says`);
    }
    files.set(name, data);
  }
  return files;
}

/** A zip of `files`, stored (not compressed): what a library reads instead of the sent one. */
export function packZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = header(30, LOCAL, nameBytes, crc, data.byteLength, (v) => {
      v.setUint16(4, 20, true);
      v.setUint16(6, 0x800, true);
    });
    const central = header(46, CENTRAL, nameBytes, crc, data.byteLength, (v) => {
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x800, true);
      v.setUint32(42, offset, true);
    });
    parts.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += local.byteLength + nameBytes.byteLength + data.byteLength;
  }
  const size = directory.reduce((n, d) => n + d.byteLength, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, EOCD, true);
  v.setUint16(8, files.size, true);
  v.setUint16(10, files.size, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...directory, end]);
}

/** A local (30 bytes) or central (46 bytes) header of a stored entry. */
function header(
  length: 30 | 46,
  signature: number,
  name: Uint8Array,
  crc: number,
  size: number,
  more: (view: DataView) => void,
): Uint8Array {
  const bytes = new Uint8Array(length);
  const v = new DataView(bytes.buffer);
  // Local and central headers put the same fields 2 bytes apart.
  const at = length === 30 ? 0 : 2;
  v.setUint32(0, signature, true);
  v.setUint32(14 + at, crc, true);
  v.setUint32(18 + at, size, true);
  v.setUint32(22 + at, size, true);
  v.setUint16(26 + at, name.byteLength, true);
  more(v);
  return bytes;
}

/** The entries of the central directory, which must end where its end record begins. */
function centralDirectory(view: DataView, bounds: ZipBounds): Entry[] {
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  const length = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === MAX16 || length === MAX32 || start === MAX32) throw corrupt('ZIP64 is not read');
  const disks = view.getUint16(end + 4, true) + view.getUint16(end + 6, true);
  if (disks !== 0 || view.getUint16(end + 8, true) !== count) {
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

/** An entry's bytes unpacked, inflating no more than its declared size + 1. */
function unpacked(data: Uint8Array, entry: Entry): Uint8Array {
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt(`${entry.name}: compression ${entry.method} is not read`);
  try {
    return inflateRawSync(data, { maxOutputLength: entry.size + 1 });
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
