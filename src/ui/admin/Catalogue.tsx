/**
 * The catalogue devices run now: each agency and its services, and which parts of a
 * service's standar pelayanan are not recorded yet ("belum dicatat": the kiosk says "ask at
 * the counter" for them). A first look before the editor: what still needs recording.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import { unrecordedIn } from '../../domain/config/unrecorded';
import { localized } from '../../domain/i18n/local-text';
import { CatalogueImport, type CatalogueImportActions } from './CatalogueImport';
import { type AdminLanguage, type AdminTextKey, at } from './text';

export function Catalogue(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: CatalogueImportActions;
  canWrite: boolean;
}) {
  const { lang, config } = props;
  const missing = new Map<string, string[]>();
  for (const warning of unrecordedIn(config.agencies)) {
    // "$.services[2].cost" in agencies/<id>.json → the service's parts.
    const [, index, part] = /\[(\d+)\]\.(\w+)$/.exec(warning.path) ?? [];
    const agencyId = /agencies\/(.+)\.json$/.exec(warning.file)?.[1] ?? '';
    const service = config.agencies.find((a) => a.id === agencyId)?.services[Number(index)];
    if (!service || !part) continue;
    missing.set(service.id, [...(missing.get(service.id) ?? []), part]);
  }
  const services = config.agencies.reduce((n, a) => n + a.services.length, 0);
  return (
    <section class="admin-section" aria-labelledby="admin-catalogue">
      <h1 id="admin-catalogue">{at(lang, 'catalogueTitle')}</h1>
      <p>
        {at(lang, 'catalogueLead', {
          agencies: config.agencies.length,
          services,
          unrecorded: missing.size,
        })}
      </p>
      {props.canWrite && <CatalogueImport lang={lang} actions={props.actions} />}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{at(lang, 'colServiceName')}</th>
            <th scope="col">{at(lang, 'colQueue')}</th>
            <th scope="col">{at(lang, 'colUnrecorded')}</th>
          </tr>
        </thead>
        <tbody>
          {config.agencies.flatMap((agency) => [
            <tr key={agency.id} class="admin-row-strong">
              <th scope="rowgroup" colSpan={3}>
                {localized(agency.name, lang)}
              </th>
            </tr>,
            ...agency.services.map((service) => (
              <tr key={service.id}>
                <th scope="row">{localized(service.name, lang)}</th>
                <td>{service.prefix ?? agency.prefix}</td>
                <td>
                  {(missing.get(service.id) ?? [])
                    .map((part) => at(lang, `part.${part}` as AdminTextKey))
                    .join(', ') || at(lang, 'allRecorded')}
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      <p class="admin-note">{at(lang, 'catalogueHow')}</p>
    </section>
  );
}
