/**
 * The SKM report of a period (GET /admin/skm): the site's IKM with its mutu and kinerja,
 * respondents against the sample the period needs, each unsur's NRR, and a line per agency
 * and service; the CSV in the report's layout. The IKM weighs each unsur exactly 1/9
 * (src/domain/skm.ts), not the 0,111 many reports print.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { formatIkm, SKM_UNSUR } from '../../domain/skm';
import type { SkmReport, SkmUnit } from '../../domain/skm-report';
import { saveFile } from '../save-file';
import { Pending, PeriodFields, Refusal, useLoaded } from './shared';
import { type AdminLanguage, at } from './text';

export type SkmActions = {
  skm(from: string, to: string): Promise<SkmReport>;
  skmCsv(from: string, to: string): Promise<Blob>;
};

export function Skm(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: SkmActions;
  today: string;
}) {
  const { lang, config, actions, today } = props;
  // The year so far: the regulation asks for a survey at least once a year.
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [asked, setAsked] = useState(period);
  const report = useLoaded(() => actions.skm(asked.from, asked.to), [asked.from, asked.to]);
  const [error, setError] = useState<unknown>(null);
  const nameOf = (u: SkmUnit) => {
    const agency = config.agencies.find((a) => a.id === u.agencyId);
    if (u.serviceId === '') return agency ? localized(agency.name, lang) : u.agencyId;
    const service = agency?.services.find((s) => s.id === u.serviceId);
    return service ? localized(service.name, lang) : u.serviceId;
  };
  return (
    <section class="admin-section" aria-labelledby="admin-skm">
      <h1 id="admin-skm">{at(lang, 'skmTitle')}</h1>
      <p>{at(lang, 'skmLead')}</p>
      <form
        class="admin-panel admin-form admin-form--inline"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(period);
        }}
      >
        <PeriodFields lang={lang} period={period} onChange={setPeriod} />
        <button type="submit" class="btn btn--primary">
          {at(lang, 'show')}
        </button>
      </form>
      <Refusal error={error} />
      {report.value === null ? (
        <Pending lang={lang} error={report.error} retry={report.reload} />
      ) : (
        <>
          <SiteFigures lang={lang} report={report.value} />
          {report.value.agencies.length > 0 && (
            <table class="admin-table">
              <caption>{at(lang, 'skmUnits')}</caption>
              <thead>
                <tr>
                  <th scope="col">{at(lang, 'colUnit')}</th>
                  <th scope="col">{at(lang, 'colRespondents')}</th>
                  <th scope="col">{at(lang, 'colServed')}</th>
                  <th scope="col">{at(lang, 'colSample')}</th>
                  <th scope="col">IKM</th>
                  <th scope="col">{at(lang, 'colMutu')}</th>
                </tr>
              </thead>
              <tbody>
                {report.value.agencies.flatMap((agency) => [
                  <UnitRow key={agency.agencyId} unit={agency} name={nameOf(agency)} strong />,
                  ...(report.value?.services ?? [])
                    .filter((s) => s.agencyId === agency.agencyId)
                    .map((s) => <UnitRow key={s.serviceId} unit={s} name={nameOf(s)} />),
                ])}
              </tbody>
            </table>
          )}
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() => {
              setError(null);
              actions
                .skmCsv(asked.from, asked.to)
                .then((blob) => saveFile(blob, `skm-${asked.from}-${asked.to}.csv`), setError);
            }}
          >
            {at(lang, 'csv')}
          </button>
          <p class="admin-note">{at(lang, 'skmMethod')}</p>
        </>
      )}
    </section>
  );
}

function SiteFigures({ lang, report }: { lang: AdminLanguage; report: SkmReport }) {
  const site = report.site;
  if (site.ikm === null) {
    return <p>{at(lang, 'skmNone', { served: site.population, target: site.target })}</p>;
  }
  return (
    <div class="admin-panel">
      <p class="admin-ikm">
        <span class="admin-ikm-value">{formatIkm(site.ikm.value)}</span>{' '}
        {at(lang, 'mutuIs', { mutu: site.ikm.mutu, kinerja: site.ikm.kinerja })}
      </p>
      <p>
        {at(lang, 'sampleIs', {
          respondents: site.respondents,
          target: site.target,
          served: site.population,
        })}
      </p>
      <table class="admin-table">
        <caption>{at(lang, 'nrrCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{at(lang, 'colUnsur')}</th>
            <th scope="col">NRR</th>
          </tr>
        </thead>
        <tbody>
          {SKM_UNSUR.map((u, i) => (
            <tr key={u.id}>
              <th scope="row">
                U{i + 1} {u.name[lang]}
              </th>
              <td class="admin-number">{formatIkm(site.ikm?.perUnsur[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnitRow(props: { unit: SkmUnit; name: string; strong?: boolean }) {
  const { unit } = props;
  return (
    <tr class={props.strong ? 'admin-row-strong' : undefined}>
      <th scope="row">{props.name}</th>
      <td class="admin-number">{unit.respondents}</td>
      <td class="admin-number">{unit.population}</td>
      <td class="admin-number">{unit.target}</td>
      <td class="admin-number">{unit.ikm ? formatIkm(unit.ikm.value) : '—'}</td>
      <td>{unit.ikm?.mutu ?? '—'}</td>
    </tr>
  );
}
