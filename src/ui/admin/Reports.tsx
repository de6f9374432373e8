/**
 * The period's report for staff (GET /admin/reports): tickets and served by day, week or
 * month, waits (median and p90), the busiest hours, and the figures per agency and service;
 * printable, and as CSV. Figures come from the queue fold, like every other screen's.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { PeriodReport, ReportFigures, ReportGrain } from '../../domain/day-report';
import { localized } from '../../domain/i18n/local-text';
import { addDays } from '../../domain/lease-days';
import { calendarDay } from '../../domain/visits';
import { saveFile } from '../save-file';
import { BarChart } from './Charts';
import { Pending, PeriodFields, Refusal, useLoaded } from './shared';
import { type AdminLanguage, at } from './text';

export type ReportActions = {
  report(from: string, to: string, by: ReportGrain): Promise<PeriodReport>;
  reportCsv(from: string, to: string, by: ReportGrain): Promise<Blob>;
};

type Query = { from: string; to: string; by: ReportGrain };

export function Reports(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: ReportActions;
  today: string;
}) {
  const { lang, config, actions, today } = props;
  const [form, setForm] = useState<Query>({ from: addDays(today, -29), to: today, by: 'day' });
  const [asked, setAsked] = useState(form);
  const loaded = useLoaded(
    () => actions.report(asked.from, asked.to, asked.by),
    [asked.from, asked.to, asked.by],
  );
  const [error, setError] = useState<unknown>(null);
  const report = loaded.value;
  return (
    <section class="admin-section" aria-labelledby="admin-reports">
      <h1 id="admin-reports">{at(lang, 'reportsTitle')}</h1>
      <p>{at(lang, 'reportsLead')}</p>
      <form
        class="admin-panel admin-form admin-form--inline admin-no-print"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(form);
        }}
      >
        <PeriodFields lang={lang} period={form} onChange={(p) => setForm({ ...form, ...p })} />
        <label>
          {at(lang, 'grain')}
          <select
            value={form.by}
            onChange={(e) => setForm({ ...form, by: e.currentTarget.value as ReportGrain })}
          >
            <option value="day">{at(lang, 'grain.day')}</option>
            <option value="week">{at(lang, 'grain.week')}</option>
            <option value="month">{at(lang, 'grain.month')}</option>
          </select>
        </label>
        <button type="submit" class="btn btn--primary">
          {at(lang, 'show')}
        </button>
      </form>
      <Refusal error={error} />
      {report === null ? (
        <Pending lang={lang} error={loaded.error} retry={loaded.reload} />
      ) : (
        <>
          <Figures lang={lang} report={report} />
          <div class="admin-actions admin-no-print">
            <button type="button" class="btn btn--secondary" onClick={() => print()}>
              {at(lang, 'print')}
            </button>
            <button
              type="button"
              class="btn btn--secondary"
              onClick={() => {
                setError(null);
                actions
                  .reportCsv(asked.from, asked.to, asked.by)
                  .then(
                    (blob) => saveFile(blob, `laporan-${asked.from}-${asked.to}.csv`),
                    setError,
                  );
              }}
            >
              {at(lang, 'csv')}
            </button>
          </div>
          <UnitTable lang={lang} config={config} report={report} />
        </>
      )}
    </section>
  );
}

function Figures({ lang, report }: { lang: AdminLanguage; report: PeriodReport }) {
  const labels = report.buckets.map((b) => shortDay(b.start, lang));
  const total = report.total;
  const firstHour = Math.max(
    0,
    report.hours.findIndex((n) => n > 0),
  );
  const lastHour = Math.max(firstHour, 23 - [...report.hours].reverse().findIndex((n) => n > 0));
  const hourRange = report.hours.slice(firstHour, lastHour + 1);
  const busiest = report.hours.indexOf(Math.max(...report.hours));
  return (
    <>
      <p class="admin-ikm">
        {at(lang, 'totals', {
          issued: total.issued.toLocaleString('id-ID'),
          served: total.served.toLocaleString('id-ID'),
          noShows: total.noShows.toLocaleString('id-ID'),
        })}
      </p>
      <div class="admin-charts">
        <div>
          <h2>{at(lang, `chartTickets.${report.grain}`)}</h2>
          <BarChart
            name={at(lang, 'chartTicketsName', {
              issued: total.issued,
              served: total.served,
              buckets: report.buckets.length,
            })}
            labels={labels}
            series={[
              {
                label: at(lang, 'colIssued'),
                values: report.buckets.map((b) => b.issued),
                class: 'admin-bar-a',
              },
              {
                label: at(lang, 'colServedShort'),
                values: report.buckets.map((b) => b.served),
                class: 'admin-bar-b',
              },
            ]}
          />
        </div>
        <div>
          <h2>{at(lang, 'chartWaits')}</h2>
          <BarChart
            name={at(lang, 'chartWaitsName', {
              median: total.medianWait ?? '—',
              p90: total.p90Wait ?? '—',
            })}
            labels={labels}
            series={[
              {
                label: at(lang, 'median'),
                values: report.buckets.map((b) => b.medianWait),
                class: 'admin-bar-a',
              },
              { label: 'p90', values: report.buckets.map((b) => b.p90Wait), class: 'admin-bar-b' },
            ]}
          />
        </div>
        <div>
          <h2>{at(lang, 'chartHours')}</h2>
          <BarChart
            name={
              total.issued === 0
                ? at(lang, 'noTickets')
                : at(lang, 'chartHoursName', { hour: `${String(busiest).padStart(2, '0')}.00` })
            }
            labels={hourRange.map((_, i) => `${String(firstHour + i).padStart(2, '0')}`)}
            series={[{ label: at(lang, 'colIssued'), values: hourRange, class: 'admin-bar-a' }]}
          />
        </div>
      </div>
    </>
  );
}

function UnitTable(props: { lang: AdminLanguage; config: ConfigBundle; report: PeriodReport }) {
  const { lang, config, report } = props;
  const agencyName = (id: string) => {
    const agency = config.agencies.find((a) => a.id === id);
    return agency ? localized(agency.shortName, lang) : id;
  };
  const serviceName = (agencyId: string, id: string) => {
    const service = config.agencies
      .find((a) => a.id === agencyId)
      ?.services.find((s) => s.id === id);
    return service ? localized(service.name, lang) : id;
  };
  return (
    <table class="admin-table">
      <caption>{at(lang, 'byUnit')}</caption>
      <thead>
        <tr>
          <th scope="col">{at(lang, 'colUnit')}</th>
          <th scope="col">{at(lang, 'colIssued')}</th>
          <th scope="col">{at(lang, 'colServedShort')}</th>
          <th scope="col">{at(lang, 'colNoShows')}</th>
          <th scope="col">{at(lang, 'colTransferred')}</th>
          <th scope="col">{at(lang, 'colJourneys')}</th>
          <th scope="col">{at(lang, 'colWait')}</th>
          <th scope="col">{at(lang, 'colService')}</th>
        </tr>
      </thead>
      <tbody>
        <Row name={at(lang, 'allUnits')} f={report.total} strong />
        {report.agencies.flatMap((a) => [
          <Row key={a.agencyId} name={agencyName(a.agencyId)} f={a} strong />,
          ...report.services
            .filter((s) => s.agencyId === a.agencyId)
            .map((s) => (
              <Row key={s.serviceId} name={serviceName(s.agencyId, s.serviceId)} f={s} />
            )),
        ])}
      </tbody>
    </table>
  );
}

/** "median / p90" minutes, or a dash. */
const minutes = (median: number | null, p90: number | null) =>
  median === null ? '—' : `${median} / ${p90 ?? '—'}`;

function Row(props: { name: string; f: ReportFigures; strong?: boolean }) {
  const { f } = props;
  return (
    <tr class={props.strong ? 'admin-row-strong' : undefined}>
      <th scope="row">{props.name}</th>
      <td class="admin-number">{f.issued.toLocaleString('id-ID')}</td>
      <td class="admin-number">{f.served.toLocaleString('id-ID')}</td>
      <td class="admin-number">{f.noShows.toLocaleString('id-ID')}</td>
      <td class="admin-number">{f.transferred.toLocaleString('id-ID')}</td>
      <td class="admin-number">{f.journeysCompleted.toLocaleString('id-ID')}</td>
      <td class="admin-number">{minutes(f.medianWait, f.p90Wait)}</td>
      <td class="admin-number">{minutes(f.medianService, f.p90Service)}</td>
    </tr>
  );
}

/** "5 Des" / "5 Dec" under a chart's bar. */
function shortDay(day: string, lang: AdminLanguage): string {
  const [, date, month = ''] = calendarDay(day, lang).split(' ');
  return `${date} ${month.slice(0, 3)}`;
}
