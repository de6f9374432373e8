/**
 * The report of one MPP bergerak visit, per service carried: issued, served, received for
 * processing, no-shows, missing requirements, still open, waits, and quota used. Folded
 * from the queue state like every other figure, so the server's report and the device's
 * agree once their logs do.
 */
import type { Visit } from './config/schema';
import { csvDocument } from './csv';
import type { TicketView } from './queue-types';
import { visitDays } from './visit-days';

/** One service's figures over the whole visit (every day of it). */
export type VisitReportRow = {
  serviceId: string;
  /** The visit's quota for the service, times its days. */
  quota: number;
  issued: number;
  /** Finished as done. */
  served: number;
  /** Finished as received, to be processed at the office. */
  received: number;
  /** Finished as incomplete: requirements missing. */
  incomplete: number;
  noShows: number;
  /** Not finished yet: waiting, called or being served. */
  open: number;
  /** From issue to first call, over the tickets called; null when none was. */
  averageWaitMs: number | null;
  longestWaitMs: number | null;
};

export type VisitReport = {
  visitId: string;
  days: string[];
  rows: VisitReportRow[];
  /** The rows summed (`serviceId` ''; the waits over every called ticket). */
  total: VisitReportRow;
};

type Tally = VisitReportRow & { waitSum: number; waited: number };

function tally(serviceId: string, quota: number): Tally {
  return {
    serviceId,
    quota,
    issued: 0,
    served: 0,
    received: 0,
    incomplete: 0,
    noShows: 0,
    open: 0,
    averageWaitMs: null,
    longestWaitMs: null,
    waitSum: 0,
    waited: 0,
  };
}

function count(row: Tally, ticket: TicketView): void {
  row.issued += 1;
  if (ticket.status === 'no-show') row.noShows += 1;
  else if (ticket.status !== 'done') row.open += 1;
  else if (ticket.outcome === 'received') row.received += 1;
  else if (ticket.outcome === 'incomplete') row.incomplete += 1;
  else row.served += 1;
  if (ticket.waitMs !== null) {
    row.waitSum += ticket.waitMs;
    row.waited += 1;
    row.longestWaitMs = Math.max(row.longestWaitMs ?? 0, ticket.waitMs);
  }
}

function finish({ waitSum, waited, ...row }: Tally): VisitReportRow {
  return { ...row, averageWaitMs: waited === 0 ? null : Math.round(waitSum / waited) };
}

/**
 * The visit's report from tickets of any days (a day's queue state, or several): the ones
 * issued by a mobile unit on a day of the visit for a service it carries, counted under
 * the service they were issued for (a transfer does not move them).
 */
export function visitReport(visit: Visit, tickets: Iterable<TicketView>): VisitReport {
  const days = visitDays(visit);
  const dayOf = new Set(days);
  const rows = new Map(
    visit.services.map((s) => [s.service, tally(s.service, s.quota * days.length)]),
  );
  const total = tally('', 0);
  for (const row of rows.values()) total.quota += row.quota;
  for (const ticket of tickets) {
    if (ticket.channel !== 'mobile' || !dayOf.has(ticket.businessDay)) continue;
    const row = rows.get(ticket.issuedServiceId);
    if (!row) continue;
    count(row, ticket);
    count(total, ticket);
  }
  return { visitId: visit.id, days, rows: [...rows.values()].map(finish), total: finish(total) };
}

/** Minutes with one decimal and a decimal comma ("12,5"), '' for none: as id-ID reads it. */
export function minutesText(ms: number | null): string {
  if (ms === null) return '';
  return (Math.round(ms / 6_000) / 10).toFixed(1).replace('.', ',');
}

const CSV_HEADER = [
  'Layanan',
  'Kuota',
  'Diterbitkan',
  'Selesai',
  'Berkas diterima',
  'Persyaratan kurang',
  'Tidak hadir',
  'Belum selesai',
  'Rata-rata tunggu (menit)',
  'Tunggu terlama (menit)',
  'Kuota terpakai (%)',
];

/**
 * The report as CSV for a spreadsheet set to Indonesian: `;` between fields, decimal
 * commas, a UTF-8 byte order mark, CRLF lines, and the total last. `name` gives a
 * service's name (its id when unknown).
 */
export function visitReportCsv(report: VisitReport, name: (serviceId: string) => string): string {
  const line = (label: string, row: VisitReportRow) => [
    label,
    row.quota,
    row.issued,
    row.served,
    row.received,
    row.incomplete,
    row.noShows,
    row.open,
    minutesText(row.averageWaitMs),
    minutesText(row.longestWaitMs),
    row.quota === 0 ? '' : String(Math.round((row.issued / row.quota) * 100)),
  ];
  return csvDocument([
    CSV_HEADER,
    ...report.rows.map((row) => line(name(row.serviceId), row)),
    line('Jumlah', report.total),
  ]);
}
