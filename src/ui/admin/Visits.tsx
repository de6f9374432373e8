/**
 * MPP bergerak visits: the coming ones, then those over; add a visit or change a coming one
 * (the server refuses with every issue, and nothing typed is lost); remove one, after saying
 * what that does; and a visit's report per service with its CSV. A visit that is over stays
 * as it was, and a supervisor reads only.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigBundle, Visit } from '../../domain/config/schema';
import { serviceNamer } from '../../domain/config/service-names';
import { MAX_VISIT_DAYS } from '../../domain/lease-days';
import { comingVisits, DEFAULT_TEAM, lastDay, visitsOn, visitTeam } from '../../domain/visit-days';
import { minutesText, type VisitReport, type VisitReportRow } from '../../domain/visit-report';
import { calendarDay, visitHours } from '../../domain/visits';
import { saveFile } from '../save-file';
import { Pending, Refusal, useLoaded } from './shared';
import type { AdminLanguage } from './text';
import { type VisitsTextKey, vt } from './visits-text';

export type VisitActions = {
  visits(): Promise<Visit[]>;
  /** Creates or changes the visit; a refusal lists its issues. */
  saveVisit(visit: Visit): Promise<Visit>;
  deleteVisit(id: string): Promise<void>;
  visitReport(id: string): Promise<VisitReport>;
  visitReportCsv(id: string): Promise<Blob>;
};

type Words = {
  lang: AdminLanguage;
  today: string;
};

/** "Kamis 10 Desember", with the year when it is not this year's. */
function dayText(day: string, { lang, today }: Words): string {
  const year = day.slice(0, 4);
  const text = calendarDay(day, lang);
  return year === today.slice(0, 4) ? text : `${text} ${year}`;
}

/** "Kamis 10 Desember", or "Rabu 16 Desember sampai Kamis 17 Desember". */
function daysText(first: string, last: string, words: Words): string {
  if (first === last) return dayText(first, words);
  return vt(words.lang, 'dayRange', {
    first: dayText(first, words),
    last: dayText(last, words),
  });
}

const visitDaysText = (visit: Visit, words: Words) => daysText(visit.date, lastDay(visit), words);

/** The coming visits soonest first, then those over, latest first. */
function ordered(visits: readonly Visit[], today: string): Visit[] {
  const past = visits
    .filter((visit) => lastDay(visit) < today)
    .sort((a, b) => lastDay(b).localeCompare(lastDay(a)) || a.id.localeCompare(b.id));
  return [...comingVisits(visits, today, visits.length), ...past];
}

function status(visit: Visit, today: string): VisitsTextKey {
  if (lastDay(visit) < today) return 'status.over';
  return visitsOn(visit, today) ? 'status.today' : 'status.coming';
}

/** The services a mobile unit can carry, in the config's order. */
function mobileServices(config: ConfigBundle): string[] {
  return config.agencies.flatMap((agency) =>
    agency.services.filter((s) => s.offeredAt.includes('mobile')).map((s) => s.id),
  );
}

export function Visits(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: VisitActions;
  canWrite: boolean;
  today: string;
}) {
  const { lang, config, actions, canWrite, today } = props;
  const words = { lang, today };
  const list = useLoaded(actions.visits);
  const [editing, setEditing] = useState<Visit | null>(null);
  // A new round empties the form after a save.
  const [round, setRound] = useState(0);
  const [removing, setRemoving] = useState<Visit | null>(null);
  const [reporting, setReporting] = useState<Visit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const serviceName = serviceNamer(config, lang);
  const open = (visit: Visit) => canWrite && lastDay(visit) >= today;
  const label = (key: VisitsTextKey, visit: Visit) =>
    `${vt(lang, key)}: ${visit.kelurahan}, ${visitDaysText(visit, words)}`;
  const save = (visit: Visit) =>
    actions.saveVisit(visit).then(() => {
      setEditing(null);
      setRound((r) => r + 1);
      list.reload();
    });
  const remove = (visit: Visit) => {
    setError(null);
    actions.deleteVisit(visit.id).then(() => {
      setRemoving(null);
      if (editing?.id === visit.id) setEditing(null);
      if (reporting?.id === visit.id) setReporting(null);
      list.reload();
    }, setError);
  };
  return (
    <section class="admin-section" aria-labelledby="admin-visits">
      <h1 id="admin-visits">{vt(lang, 'title')}</h1>
      <p>{vt(lang, 'lead')}</p>
      {canWrite && (
        <VisitForm
          key={`${editing?.id ?? ''}#${round}`}
          lang={lang}
          config={config}
          editing={editing}
          teams={[...(list.value ?? []).map(visitTeam), ...teamsOf(config)]}
          serviceName={serviceName}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <Refusal error={error} />
      {removing && (
        <div class="admin-confirm" role="alertdialog" aria-labelledby="admin-visit-remove">
          <p id="admin-visit-remove">
            {vt(lang, 'removeConfirm', {
              kelurahan: removing.kelurahan,
              days: visitDaysText(removing, words),
            })}
          </p>
          <div class="admin-actions">
            <button type="button" class="btn btn--danger" onClick={() => remove(removing)}>
              {vt(lang, 'confirmRemove')}
            </button>
            <button type="button" class="btn btn--secondary" onClick={() => setRemoving(null)}>
              {vt(lang, 'cancel')}
            </button>
          </div>
        </div>
      )}
      {list.value === null ? (
        <Pending lang={lang} error={list.error} retry={list.reload} />
      ) : list.value.length === 0 ? (
        <p>{vt(lang, 'none')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{vt(lang, 'col.days')}</th>
              <th scope="col">{vt(lang, 'col.place')}</th>
              <th scope="col">{vt(lang, 'col.hours')}</th>
              <th scope="col">{vt(lang, 'col.team')}</th>
              <th scope="col">{vt(lang, 'col.services')}</th>
              <th scope="col">{vt(lang, 'col.status')}</th>
              <th scope="col">{vt(lang, 'col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered(list.value, today).map((visit) => (
              <tr key={visit.id}>
                <th scope="row">{visitDaysText(visit, words)}</th>
                <td>
                  {vt(lang, 'kelurahanOf', { kelurahan: visit.kelurahan })}
                  {visit.kecamatan &&
                    `, ${vt(lang, 'kecamatanOf', { kecamatan: visit.kecamatan })}`}
                  <br />
                  {visit.place}
                </td>
                <td>{visitHours(visit)}</td>
                <td>{visit.team ?? vt(lang, 'defaultTeam', { team: DEFAULT_TEAM })}</td>
                <td>
                  <ul>
                    {visit.services.map((s) => (
                      <li key={s.service}>
                        {vt(lang, 'perDay', { service: serviceName(s.service), quota: s.quota })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{vt(lang, status(visit, today))}</td>
                <td>
                  <div class="admin-row-actions">
                    {open(visit) && (
                      <>
                        <button
                          type="button"
                          class="btn btn--secondary"
                          aria-label={label('edit', visit)}
                          onClick={() => {
                            setRemoving(null);
                            setEditing(visit);
                          }}
                        >
                          {vt(lang, 'edit')}
                        </button>
                        <button
                          type="button"
                          class="btn btn--secondary"
                          aria-label={label('remove', visit)}
                          onClick={() => setRemoving(visit)}
                        >
                          {vt(lang, 'remove')}
                        </button>
                      </>
                    )}
                    <button
                      type="button"
                      class="btn btn--secondary"
                      aria-label={label('report', visit)}
                      onClick={() => setReporting(visit)}
                    >
                      {vt(lang, 'report')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reporting && (
        <ReportPanel
          key={reporting.id}
          visit={reporting}
          words={words}
          actions={actions}
          serviceName={serviceName}
          onClose={() => setReporting(null)}
        />
      )}
    </section>
  );
}

/** The teams of the site's mobile units (the default one for a unit that names none). */
function teamsOf(config: ConfigBundle): string[] {
  return config.profiles.filter((p) => p.surface === 'mobile').map((p) => p.team ?? DEFAULT_TEAM);
}

/** "Tanjung Harapan", "2026-12-10" → "tanjung-harapan-2026-12-10". */
function suggestedId(kelurahan: string, date: string): string {
  return [kelurahan, date]
    .join('-')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Fields = {
  id: string | null;
  date: string;
  until: string;
  team: string;
  kelurahan: string;
  kecamatan: string;
  place: string;
  from: string;
  to: string;
};

function fieldsOf(visit: Visit | null): Fields {
  return {
    id: visit?.id ?? null,
    date: visit?.date ?? '',
    until: visit?.until ?? '',
    team: visit?.team ?? '',
    kelurahan: visit?.kelurahan ?? '',
    kecamatan: visit?.kecamatan ?? '',
    place: visit?.place ?? '',
    from: visit?.hours.from ?? '',
    to: visit?.hours.to ?? '',
  };
}

/** The visit the form says: optional fields left empty are left out. */
function visitOf(f: Fields, id: string, services: string[], quotas: Record<string, string>) {
  const optional = (value: string) => value.trim() || undefined;
  const visit: Visit = {
    id,
    date: f.date,
    kelurahan: f.kelurahan.trim(),
    place: f.place.trim(),
    hours: { from: f.from, to: f.to },
    services: services.map((service) => ({ service, quota: Number(quotas[service] ?? '') })),
  };
  const until = optional(f.until);
  const team = optional(f.team);
  const kecamatan = optional(f.kecamatan);
  if (until) visit.until = until;
  if (team) visit.team = team;
  if (kecamatan) visit.kecamatan = kecamatan;
  return visit;
}

/** Adds a visit, or changes `editing` (whose id stays). */
function VisitForm(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  editing: Visit | null;
  teams: string[];
  serviceName: (id: string) => string;
  onSave: (visit: Visit) => Promise<void>;
  onCancel: () => void;
}) {
  const { lang, editing, serviceName } = props;
  const [fields, setFields] = useState(() => fieldsOf(editing));
  const [chosen, setChosen] = useState(() => editing?.services.map((s) => s.service) ?? []);
  const [quotas, setQuotas] = useState<Record<string, string>>(() =>
    Object.fromEntries(editing?.services.map((s) => [s.service, String(s.quota)]) ?? []),
  );
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) first.current?.focus();
  }, [editing]);
  // The services a unit can carry, and any the visit carries that no longer is one.
  const offered = mobileServices(props.config);
  const options = [...offered, ...chosen.filter((s) => !offered.includes(s))];
  const id = editing?.id ?? fields.id ?? suggestedId(fields.kelurahan, fields.date);
  const set = (name: keyof Fields) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setFields((f) => ({ ...f, [name]: value }));
  };
  const toggle = (service: string, on: boolean) =>
    setChosen((list) => (on ? [...list, service] : list.filter((s) => s !== service)));
  const teamList = `admin-visit-teams-${editing?.id ?? 'new'}`;
  return (
    <form
      class="admin-panel admin-form"
      aria-labelledby="admin-visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const services = options.filter((s) => chosen.includes(s));
        if (services.length === 0) {
          setError(vt(lang, 'chooseService'));
          return;
        }
        setError(null);
        props.onSave(visitOf(fields, id, services, quotas)).catch(setError);
      }}
    >
      <h2 id="admin-visit-form">
        {editing ? vt(lang, 'editTitle', { id: editing.id }) : vt(lang, 'addTitle')}
      </h2>
      <Refusal error={error} />
      {!editing && (
        <>
          <label>
            {vt(lang, 'id')}
            <input
              name="visit-id"
              required
              maxLength={64}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              aria-describedby="admin-visit-id-note"
              value={id}
              onInput={set('id')}
            />
          </label>
          <p id="admin-visit-id-note">{vt(lang, 'idNote')}</p>
        </>
      )}
      <label>
        {vt(lang, 'kelurahan')}
        <input
          ref={first}
          name="kelurahan"
          required
          value={fields.kelurahan}
          onInput={set('kelurahan')}
        />
      </label>
      <label>
        {vt(lang, 'kecamatan')}
        <input name="kecamatan" value={fields.kecamatan} onInput={set('kecamatan')} />
      </label>
      <label>
        {vt(lang, 'place')}
        <input name="place" required value={fields.place} onInput={set('place')} />
      </label>
      <label>
        {vt(lang, 'date')}
        <input type="date" name="date" required value={fields.date} onInput={set('date')} />
      </label>
      <label>
        {vt(lang, 'until')}
        <input
          type="date"
          name="until"
          min={fields.date || undefined}
          aria-describedby="admin-visit-until-note"
          value={fields.until}
          onInput={set('until')}
        />
      </label>
      <p id="admin-visit-until-note">{vt(lang, 'untilNote', { max: MAX_VISIT_DAYS })}</p>
      <label>
        {vt(lang, 'from')}
        <input type="time" name="from" required value={fields.from} onInput={set('from')} />
      </label>
      <label>
        {vt(lang, 'to')}
        <input type="time" name="to" required value={fields.to} onInput={set('to')} />
      </label>
      <label>
        {vt(lang, 'team')}
        <input
          name="team"
          list={teamList}
          aria-describedby="admin-visit-team-note"
          value={fields.team}
          onInput={set('team')}
        />
      </label>
      <datalist id={teamList}>
        {[...new Set(props.teams)].sort().map((team) => (
          <option key={team} value={team} />
        ))}
      </datalist>
      <p id="admin-visit-team-note">{vt(lang, 'teamNote')}</p>
      <fieldset>
        <legend>{vt(lang, 'services')}</legend>
        {options.length === 0 ? (
          <p class="admin-note">{vt(lang, 'noServices')}</p>
        ) : (
          <p>{vt(lang, 'servicesNote')}</p>
        )}
        {options.map((service) => {
          const on = chosen.includes(service);
          return (
            <div key={service} class="admin-checks">
              <label class="admin-check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => toggle(service, e.currentTarget.checked)}
                />
                {serviceName(service)}
              </label>
              <label>
                {vt(lang, 'quotaFor', { service: serviceName(service) })}
                <input
                  type="number"
                  name={`quota-${service}`}
                  min={1}
                  step={1}
                  inputMode="numeric"
                  required={on}
                  disabled={!on}
                  value={quotas[service] ?? ''}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setQuotas((q) => ({ ...q, [service]: value }));
                  }}
                />
              </label>
            </div>
          );
        })}
      </fieldset>
      <div class="admin-actions">
        <button type="submit" class="btn btn--primary">
          {vt(lang, 'save')}
        </button>
        {editing && (
          <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
            {vt(lang, 'cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}

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
function ReportPanel(props: {
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
