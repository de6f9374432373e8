/**
 * The SKM report of a period (PermenPANRB 14/2017): for the site, each agency and each
 * service, the respondents, the population (tickets served in the period), the sample the
 * period needs (Krejcie–Morgan), the NRR of each unsur and the IKM with its mutu. As CSV in
 * the report's layout: one line per unit, the nine NRR, the IKM, mutu and kinerja.
 */
import { csvDocument, decimalComma } from './csv';
import { formatIkm, type IkmResult, ikm, krejcieMorgan, SKM_UNSUR, type SkmAnswers } from './skm';

/** One unit's figures: the site (''), an agency or a service. */
export type SkmUnit = {
  agencyId: string;
  /** '' for an agency's (or the site's) line. */
  serviceId: string;
  respondents: number;
  /** Tickets served in the period (finished, not a no-show). */
  population: number;
  /** The sample the population needs (Krejcie–Morgan). */
  target: number;
  /** Null without respondents. */
  ikm: IkmResult | null;
};

export type SkmReport = {
  from: string;
  to: string;
  site: SkmUnit;
  agencies: SkmUnit[];
  services: SkmUnit[];
};

/** What the report is made of: the period's answers, and its served tickets by service. */
export type SkmInput = {
  from: string;
  to: string;
  responses: readonly { agencyId: string; serviceId: string; answers: SkmAnswers }[];
  /** Served tickets per service (and its agency). */
  served: readonly { agencyId: string; serviceId: string; count: number }[];
};

function unit(
  agencyId: string,
  serviceId: string,
  answers: SkmAnswers[],
  population: number,
): SkmUnit {
  return {
    agencyId,
    serviceId,
    respondents: answers.length,
    population,
    target: krejcieMorgan(population),
    ikm: ikm(answers),
  };
}

/** The report: services and agencies in id order, each with answers or served tickets. */
export function skmReport(input: SkmInput): SkmReport {
  const answersOf = new Map<string, SkmAnswers[]>();
  const servedOf = new Map<string, number>();
  const agencyOf = new Map<string, string>();
  const add = (key: string, answers: SkmAnswers) => {
    const list = answersOf.get(key) ?? [];
    list.push(answers);
    answersOf.set(key, list);
  };
  for (const r of input.responses) {
    agencyOf.set(r.serviceId, r.agencyId);
    add(`s:${r.serviceId}`, r.answers);
    add(`a:${r.agencyId}`, r.answers);
    add('site', r.answers);
  }
  for (const s of input.served) {
    agencyOf.set(s.serviceId, s.agencyId);
    for (const key of [`s:${s.serviceId}`, `a:${s.agencyId}`, 'site']) {
      servedOf.set(key, (servedOf.get(key) ?? 0) + s.count);
    }
  }
  const of = (key: string, agencyId: string, serviceId: string) =>
    unit(agencyId, serviceId, answersOf.get(key) ?? [], servedOf.get(key) ?? 0);
  const services = [...agencyOf.keys()]
    .sort()
    .map((serviceId) => of(`s:${serviceId}`, agencyOf.get(serviceId) ?? '', serviceId));
  const agencies = [...new Set(agencyOf.values())].sort().map((a) => of(`a:${a}`, a, ''));
  return { from: input.from, to: input.to, site: of('site', '', ''), agencies, services };
}

const HEADER = [
  'Unit layanan',
  'Responden',
  'Populasi (dilayani)',
  'Sampel minimal',
  ...SKM_UNSUR.map((u, i) => `NRR U${i + 1} ${u.name.id}`),
  'IKM',
  'Mutu',
  'Kinerja',
];

/**
 * The report as CSV (../csv.ts): the site, then each agency and its services, one line
 * each; NRR with two decimals, the IKM as reported ("87,50"). `name` names a unit.
 */
export function skmReportCsv(
  report: SkmReport,
  name: (agencyId: string, serviceId: string) => string,
): string {
  const line = (u: SkmUnit) => [
    name(u.agencyId, u.serviceId),
    u.respondents,
    u.population,
    u.target,
    ...SKM_UNSUR.map((_, i) => (u.ikm ? decimalComma(u.ikm.perUnsur[i] ?? 0, 2) : '')),
    u.ikm ? formatIkm(u.ikm.value) : '',
    u.ikm?.mutu ?? '',
    u.ikm?.kinerja ?? '',
  ];
  const rows = [HEADER, line(report.site)];
  for (const agency of report.agencies) {
    rows.push(line(agency));
    for (const service of report.services) {
      if (service.agencyId === agency.agencyId) rows.push(line(service));
    }
  }
  return csvDocument(rows);
}
