/**
 * One visit's report on the MPP bergerak screen, from the device's own log: per service
 * issued, served, received, incomplete, no-shows, still open, waits — a table, bars of the
 * quota used, and the CSV a spreadsheet in Indonesian reads.
 */

import { minutesText, type VisitReportRow } from '../../domain/visit-report';
import { saveFile } from '../save-file';
import { type MobileLanguage, type MobileWord, mt } from './text';
import type { MobileActions, MobileView } from './view';

const COLUMNS = [
  'quota',
  'issued',
  'served',
  'received',
  'incomplete',
  'noShows',
  'open',
  'averageWait',
  'longestWait',
] as const;

function cell(row: VisitReportRow, column: (typeof COLUMNS)[number]): string {
  if (column === 'averageWait') return minutesText(row.averageWaitMs) || '—';
  if (column === 'longestWait') return minutesText(row.longestWaitMs) || '—';
  return String(row[column]);
}

export function Report(props: {
  view: MobileView;
  actions: MobileActions;
  lang: MobileLanguage;
  serviceName: (id: string) => string;
}) {
  const { view, actions, lang, serviceName } = props;
  const shown = view.report;
  if (!shown) return null;
  const { report, visit } = shown;
  const download = () => {
    const csv = actions.reportCsv();
    if (csv === null) return;
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `kunjungan-${visit.id}.csv`);
  };
  return (
    <section class="mobile-card mobile-report" aria-labelledby="mobile-report">
      <h2 id="mobile-report">{mt(lang, 'reportFor', { place: visit.kelurahan })}</h2>
      <div class="mobile-table-wrap">
        <table class="mobile-table">
          <thead>
            <tr>
              <th scope="col">{mt(lang, 'col.service')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {mt(lang, `col.${c}` as MobileWord)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.serviceId}>
                <th scope="row">{serviceName(row.serviceId)}</th>
                {COLUMNS.map((c) => (
                  <td key={c}>{cell(row, c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{mt(lang, 'total')}</th>
              {COLUMNS.map((c) => (
                <td key={c}>{cell(report.total, c)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <QuotaChart rows={report.rows} label={mt(lang, 'chartLabel')} serviceName={serviceName} />
      <button type="button" class="btn btn--secondary" onClick={download}>
        {mt(lang, 'csv')}
      </button>
    </section>
  );
}

/** Issued against quota per service, as bars: what a team lead reads at a glance. */
function QuotaChart(props: {
  rows: readonly VisitReportRow[];
  label: string;
  serviceName: (id: string) => string;
}) {
  return (
    <figure class="mobile-chart">
      <figcaption id="mobile-chart-label">{props.label}</figcaption>
      <ul class="mobile-bars" aria-labelledby="mobile-chart-label">
        {props.rows.map((row) => {
          const used = row.quota === 0 ? 0 : Math.min(1, row.issued / row.quota);
          return (
            <li key={row.serviceId}>
              <span>{props.serviceName(row.serviceId)}</span>
              <span class="mobile-bar-track" aria-hidden="true">
                <span class="mobile-bar-fill" style={{ width: `${Math.round(used * 100)}%` }} />
              </span>
              <span class="mobile-bar-value">
                {row.issued}/{row.quota}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
