/**
 * MPP bergerak visits: the coming ones, then those over; add a visit or change a coming one
 * (the server refuses with every issue, and nothing typed is lost); remove one, after saying
 * what that does; and a visit's report per service with its CSV. A visit that is over stays
 * as it was, and a supervisor reads only.
 */

import { useState } from 'preact/hooks';
import type { ConfigBundle, Visit } from '../../domain/config/schema';
import { serviceNamer } from '../../domain/config/service-names';
import { comingVisits, DEFAULT_TEAM, lastDay, visitsOn, visitTeam } from '../../domain/visit-days';
import type { VisitReport } from '../../domain/visit-report';
import { visitHours } from '../../domain/visits';
import { Confirm, Pending, Refusal, useLoaded } from './shared';
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

import { teamsOf, VisitForm } from './VisitForm';
import { ReportPanel } from './VisitReport';
import { visitDaysText } from './visit-words';

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
        <Confirm
          id="admin-visit-remove"
          question={vt(lang, 'removeConfirm', {
            kelurahan: removing.kelurahan,
            days: visitDaysText(removing, words),
          })}
          confirm={vt(lang, 'confirmRemove')}
          cancel={vt(lang, 'cancel')}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        />
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
