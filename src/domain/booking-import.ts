/**
 * Reading an export of bookings made elsewhere (README "Bookings" documents the format):
 * CSV (`;` or `,`, a header row) or JSON (an array of objects, or `{ "bookings": [...] }`),
 * with the columns kode, tanggal, layanan, jam_mulai, jam_selesai, situs (or code, date,
 * service, from, to, site). Each row is read or refused with its reason; columns of
 * personal data (a name, NIK, phone…) are named and never read.
 * Must: pure; a refused row holds nothing back from the report; no personal data leaves
 * this function.
 */
import Papa from 'papaparse';
import { type Booking, normaliseCode } from './bookings';
import { addDays } from './lease-days';

/** Rows one import may hold. */
export const MAX_BOOKING_ROWS = 5_000;
/** Bookings one day may hold: what a kiosk downloads stays bounded. */
export const MAX_BOOKINGS_A_DAY = 1_000;
/** How far ahead a booking may be. */
export const MAX_BOOKING_DAYS_AHEAD = 90;

/** The report of one row: read as a booking (new, changed, as before) or refused. */
export type BookingRow = {
  row: number;
  code: string;
  status: 'added' | 'changed' | 'unchanged' | 'refused';
  message: string;
};

/** What an import read. */
export type BookingImportRead = {
  bookings: Booking[];
  rows: BookingRow[];
  /** Columns not understood, ignored. */
  unknownColumns: string[];
  /** Columns of personal data: not read, not stored. */
  personalColumns: string[];
};

type Field = 'code' | 'day' | 'service' | 'from' | 'to' | 'site';

const COLUMNS: Record<string, Field> = {
  kode: 'code',
  kode_booking: 'code',
  code: 'code',
  booking_code: 'code',
  tanggal: 'day',
  date: 'day',
  layanan: 'service',
  service: 'service',
  jam_mulai: 'from',
  mulai: 'from',
  from: 'from',
  start: 'from',
  jam_selesai: 'to',
  selesai: 'to',
  to: 'to',
  end: 'to',
  situs: 'site',
  site: 'site',
};
const PERSONAL =
  /^(nama|name|nik|no_?ktp|ktp|telepon|telp|phone|hp|no_?hp|whatsapp|wa|email|e_?mail|alamat|address|tanggal_lahir|birth.*|kk|no_?kk)$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A header as a key: lower case, spaces and dashes as '_'. */
const keyOf = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Raw rows of the text: objects of cells by header; an error names what was wrong. */
function rawRows(text: string, format: 'csv' | 'json'): Record<string, unknown>[] | string {
  if (format === 'csv') {
    const parsed = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
    });
    return parsed.data;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'JSON tidak dapat dibaca';
  }
  const list = Array.isArray(value) ? value : (value as { bookings?: unknown } | null)?.bookings;
  if (!Array.isArray(list)) return 'JSON: sebuah daftar, atau { "bookings": [...] }';
  if (list.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
    return 'JSON: setiap booking sebuah objek';
  }
  return list as Record<string, unknown>[];
}

/** The site's context of an import. */
export type BookingImportContext = {
  siteId: string;
  /** The site's business day now: a booking before it is refused. */
  today: string;
  /** Services of the site's active config. */
  serviceIds: ReadonlySet<string>;
  /** Bookings stored already, by code. */
  stored: ReadonlyMap<string, Booking>;
};

/** Reads an export: every row's report, the bookings of the rows read. */
export function readBookingImport(
  text: string,
  format: 'csv' | 'json',
  context: BookingImportContext,
): BookingImportRead | { error: string } {
  const raw = rawRows(text, format);
  if (typeof raw === 'string') return { error: raw };
  if (raw.length > MAX_BOOKING_ROWS) {
    return { error: `paling banyak ${MAX_BOOKING_ROWS} baris dalam satu impor` };
  }
  const headers = new Set(raw.flatMap((r) => Object.keys(r)));
  const unknownColumns: string[] = [];
  const personalColumns: string[] = [];
  const fields = new Map<string, Field>();
  for (const header of headers) {
    if (header === '__parsed_extra') continue;
    const key = keyOf(header);
    const field = COLUMNS[key];
    if (field) fields.set(header, field);
    else if (PERSONAL.test(key)) personalColumns.push(header);
    else unknownColumns.push(header);
  }
  if (![...fields.values()].includes('code')) return { error: 'kolom kode tidak ada' };
  const bookings: Booking[] = [];
  const rows: BookingRow[] = [];
  const seen = new Set<string>();
  const last = addDays(context.today, MAX_BOOKING_DAYS_AHEAD);
  for (const [i, record] of raw.entries()) {
    const cell: Partial<Record<Field, string>> = {};
    for (const [header, field] of fields) {
      const value = record[header];
      if (typeof value === 'string' || typeof value === 'number')
        cell[field] = String(value).trim();
    }
    const row = i + (format === 'csv' ? 2 : 1);
    const code = normaliseCode(cell.code ?? '');
    const refuse = (message: string) =>
      rows.push({ row, code: code ?? (cell.code ?? '').slice(0, 40), status: 'refused', message });
    if ('__parsed_extra' in record) {
      refuse('lebih banyak kolom daripada judul');
      continue;
    }
    if (code === null) {
      refuse('kode: 4–40 huruf, angka atau tanda hubung');
      continue;
    }
    if (seen.has(code)) {
      refuse('kode yang sama sudah ada di baris sebelumnya');
      continue;
    }
    seen.add(code);
    if (cell.site && cell.site.toLowerCase() !== context.siteId) {
      refuse(`untuk MPP lain ('${cell.site}'), bukan '${context.siteId}'`);
      continue;
    }
    const day = cell.day ?? '';
    if (!DAY.test(day) || addDays(day, 0) !== day) {
      refuse('tanggal: TTTT-BB-HH, misalnya 2026-12-07');
      continue;
    }
    if (day < context.today) {
      refuse(`tanggal ${day} sudah lewat`);
      continue;
    }
    if (day > last) {
      refuse(`tanggal ${day} lebih dari ${MAX_BOOKING_DAYS_AHEAD} hari lagi`);
      continue;
    }
    const serviceId = cell.service ?? '';
    if (!context.serviceIds.has(serviceId)) {
      refuse(`layanan '${serviceId}' tidak ada di situs ini`);
      continue;
    }
    const from = cell.from || undefined;
    const to = cell.to || undefined;
    if ((from && !HHMM.test(from)) || (to && !HHMM.test(to))) {
      refuse('jam: JJ:MM, misalnya 09:30');
      continue;
    }
    if (to && (!from || to <= from)) {
      refuse('jam selesai harus sesudah jam mulai');
      continue;
    }
    const booking: Booking = {
      code,
      day,
      serviceId,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const before = context.stored.get(code);
    const status = !before ? 'added' : sameBooking(before, booking) ? 'unchanged' : 'changed';
    rows.push({ row, code, status, message: STATUS_WORDS[status] });
    bookings.push(booking);
  }
  return { bookings, rows, unknownColumns, personalColumns };
}

const STATUS_WORDS = { added: 'ditambahkan', changed: 'diubah', unchanged: 'sama' } as const;

function sameBooking(a: Booking, b: Booking): boolean {
  return a.day === b.day && a.serviceId === b.serviceId && a.from === b.from && a.to === b.to;
}

/** Days over MAX_BOOKINGS_A_DAY once `incoming` joins what is stored (replacing by code). */
export function crowdedDays(
  stored: ReadonlyMap<string, Booking>,
  incoming: readonly Booking[],
): string[] {
  const all = new Map(stored);
  for (const b of incoming) all.set(b.code, b);
  const perDay = new Map<string, number>();
  for (const b of all.values()) perDay.set(b.day, (perDay.get(b.day) ?? 0) + 1);
  return [...perDay].filter(([, n]) => n > MAX_BOOKINGS_A_DAY).map(([day]) => day);
}
