/**
 * The ledger's file (./ledger.ts): what it holds, its path beside the clean-close marker,
 * and reading it back.
 * Must: a missing or malformed file, list or entry counts as none, so a damaged ledger
 * never stops the server by itself; entries are plain JSON, token and code hashes only.
 */
import * as v from 'valibot';
import type { Logger } from '../log/logger';
import { damaged, readJsonFile } from './marker-file';

// Entries are what this server wrote: ids, days, hashes and tags of the shapes it makes,
// counts within what a quota can be. Anything else is no entry of ours and counts as none.
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

const QuotaTotalSchema = v.object({
  siteId: Text,
  businessDay: Day,
  serviceId: Text,
  /** The lobby's ('', and in entries written before there were pools) or a visit's id. */
  pool: v.optional(v.pipe(v.string(), v.maxLength(128)), ''),
  granted: v.pipe(Count, v.maxValue(1_000_000)),
});
const LedgerDeviceSchema = v.object({
  deviceId: Text,
  siteId: Text,
  name: Text,
  profileId: Text,
  emergencyTag: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/)),
  tokenHash: Text,
  enrolledAt: Count,
  /** When a new code last took the device back after a revocation (absent: never). */
  reenrolledAt: v.optional(v.nullable(Count), null),
});
const RevocationSchema = v.object({ deviceId: Text, at: Count });
const Hash = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const LedgerStaffSchema = v.object({
  staffId: Text,
  siteId: Text,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  role: v.picklist(['petugas', 'supervisor']),
  agencies: v.pipe(v.array(Text), v.maxLength(100)),
  setupCodeHash: v.nullable(Hash),
  setupExpiresAt: v.nullable(Count),
  pin: v.nullable(v.object({ salt: Hash, hash: Hash, iterations: Count })),
  locked: v.boolean(),
  version: Count,
  createdAt: Count,
  updatedAt: Count,
});
const SpentCodeSchema = v.object({ codeHash: Text, deviceId: Text, at: Count });

/** Tokens granted for one (site, day, service), in all. */
export type QuotaTotal = v.InferOutput<typeof QuotaTotalSchema>;
/** An enrolled device as the ledger keeps it. */
export type LedgerDevice = v.InferOutput<typeof LedgerDeviceSchema>;
/** A revocation: the device's token is refused from `at` on. */
export type Revocation = v.InferOutput<typeof RevocationSchema>;
/** A person of the staff as last changed: set-up code (HMAC), PIN verifier, lock, version. */
export type LedgerStaff = v.InferOutput<typeof LedgerStaffSchema>;
/** An enrollment code (its hash) spent at `at` by the device. */
export type SpentCode = v.InferOutput<typeof SpentCodeSchema>;

/** What the file holds. */
export type LedgerContent = {
  quotas: QuotaTotal[];
  devices: LedgerDevice[];
  revocations: Revocation[];
  spentCodes: SpentCode[];
  staff: LedgerStaff[];
};

/** The ledger file's path beside the clean-close marker. */
export function ledgerPathOf(markerPath: string): string {
  return `${markerPath.replace(/\.closed$/, '')}.ledger`;
}

/** The valid entries of a list; anything else counts as none. */
function entries<S extends v.GenericSchema>(list: unknown, schema: S): v.InferOutput<S>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const result = v.safeParse(schema, entry);
    return result.success ? [result.output] : [];
  });
}

/** The file's content; a file with entries that are not ours is one warning line. */
export async function readLedger(path: string, log?: Logger): Promise<LedgerContent> {
  const parsed = (await readJsonFile(path, log)) as Partial<Record<keyof LedgerContent, unknown>>;
  const content = {
    quotas: entries(parsed?.quotas, QuotaTotalSchema),
    devices: entries(parsed?.devices, LedgerDeviceSchema),
    revocations: entries(parsed?.revocations, RevocationSchema),
    spentCodes: entries(parsed?.spentCodes, SpentCodeSchema),
    // Absent from ledgers written before staff were kept: none.
    staff: entries(parsed?.staff, LedgerStaffSchema),
  };
  const listed = (key: keyof LedgerContent) => {
    const list = parsed?.[key];
    return Array.isArray(list) ? list.length : 0;
  };
  const kept = Object.values(content).reduce((n, list) => n + list.length, 0);
  const dropped =
    (Object.keys(content) as (keyof LedgerContent)[]).reduce((n, k) => n + listed(k), 0) - kept;
  if (dropped > 0) damaged(path, log);
  return content;
}
