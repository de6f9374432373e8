/** A visit's report per service, with its CSV (./Visits.tsx). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Visit } from '../../domain/config/schema';
import { lastDay } from '../../domain/visit-days';
import { minutesText, type VisitReportRow } from '../../domain/visit-report';
import { saveFile } from '../save-file';
import { Pending, Refusal, useLoaded } from './shared';
import type { AdminLanguage } from './text';
import type { VisitActions } from './Visits';
import { daysText, type Words } from './visit-words';
import { vt } from './visits-text';

const REPORT_COLUMNS = [
  'issued',
  'served',
  'received',
  'incomplete',
  'noShows',
  'open',
  'averageWait',
  'longestWait',
] as const;

/** One figure of a report row, as the table shows it. */
function figure(row: VisitReportRow, column: (typeof REPORT_COLUMNS)[number]): string {
  switch (column) {
    case 'averageWait':
      return minutesText(row.averageWaitMs) || '—';
    case 'longestWait':
      return minutesText(row.longestWaitMs) || '—';
    default:
      return row[column].toLocaleString('id-ID');
  }
}

/** A row of the report: the service (or the total), its figures, and issued of quota. */
function ReportRow(props: { lang: AdminLanguage; label: string; row: VisitReportRow }) {
  const { lang, row } = props;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {REPORT_COLUMNS.map((column) => (
        <td key={column} class="admin-number">
          {figure(row, column)}
        </td>
      ))}
      <td class="admin-number">
        {vt(lang, 'issuedOf', { issued: row.issued, quota: row.quota })}
        {row.quota > 0 && (
          <>
            <br />
            <meter min={0} max={row.quota} value={row.issued} aria-hidden="true" />
          </>
        )}
      </td>
    </tr>
  );
}

/** A visit's report from the server, per service and in total, and its CSV. */
export function ReportPanel(props: {
  visit: Visit;
  words: Words;
  actions: VisitActions;
  serviceName: (id: string) => string;
  onClose: () => void;
}) {
  const { visit, words, actions } = props;
  const { lang } = words;
  const report = useLoaded(() => actions.visitReport(visit.id));
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const download = () => {
    setError(null);
    actions
      .visitReportCsv(visit.id)
      .then((blob) => saveFile(blob, `kunjungan-${visit.id}.csv`), setError);
  };
  const days = report.value?.days ?? [visit.date, lastDay(visit)];
  return (
    <section class="admin-panel" aria-labelledby="admin-visit-report">
      <h2 id="admin-visit-report" ref={heading} tabIndex={-1}>
        {vt(lang, 'reportTitle', {
          kelurahan: visit.kelurahan,
          days: daysText(days[0] ?? visit.date, days.at(-1) ?? lastDay(visit), words),
        })}
      </h2>
      <p>{vt(lang, 'reportNote')}</p>
      {report.value === null ? (
        <Pending lang={lang} error={report.error} retry={report.reload} />
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{vt(lang, 'r.service')}</th>
              {REPORT_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {vt(lang, `r.${column}`)}
                </th>
              ))}
              <th scope="col">{vt(lang, 'r.quotaUsed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.value.rows.map((row) => (
              <ReportRow
                key={row.serviceId}
                lang={lang}
                label={props.serviceName(row.serviceId)}
                row={row}
              />
            ))}
          </tbody>
          <tfoot>
            <ReportRow lang={lang} label={vt(lang, 'total')} row={report.value.total} />
          </tfoot>
        </table>
      )}
      <Refusal error={error} />
      <div class="admin-actions">
        {report.value !== null && (
          <button type="button" class="btn btn--primary" onClick={download}>
            {vt(lang, 'csv')}
          </button>
        )}
        <button type="button" class="btn btn--secondary" onClick={props.onClose}>
          {vt(lang, 'closeReport')}
        </button>
      </div>
    </section>
  );
}
