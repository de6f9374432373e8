/**
 * The catalogue devices run now: each agency and its services, and which parts of a
 * service's standar pelayanan are not recorded yet ("belum dicatat": the kiosk says "ask at
 * the counter" for them), and the version devices run. An admin changes an agency, or adds
 * one, in the editor (./CatalogueEditor.tsx), or imports a spreadsheet.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agency, ConfigBundle } from '../../domain/config/schema';
import { unrecordedIn } from '../../domain/config/unrecorded';
import { localized } from '../../domain/i18n/local-text';
import { CatalogueEditor, type CatalogueEditorActions } from './CatalogueEditor';
import { CatalogueImport, type CatalogueImportActions } from './CatalogueImport';
import { type AdminLanguage, type AdminTextKey, at } from './text';

export function Catalogue(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: CatalogueImportActions & CatalogueEditorActions;
  canWrite: boolean;
}) {
  const { lang, config } = props;
  // The agency in the editor: an agency's id, 'new', or none (the list).
  const [editing, setEditing] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  // Back from the editor, focus (and the view) goes to the top: the note, or the title.
  const back = useRef(false);
  const title = useRef<HTMLHeadingElement>(null);
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (editing !== null || !back.current) return;
    back.current = false;
    (note.current ?? title.current)?.focus();
  }, [editing]);
  const leave = () => {
    back.current = true;
    setEditing(null);
  };
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
  if (editing !== null && props.canWrite) {
    const agency: Agency | null = config.agencies.find((a) => a.id === editing) ?? null;
    return (
      <CatalogueEditor
        lang={lang}
        config={config}
        agency={agency}
        actions={props.actions}
        onPublished={(version) => {
          setPublished(version);
          leave();
          props.actions.refreshConfig();
        }}
        onClose={leave}
      />
    );
  }
  return (
    <section class="admin-section" aria-labelledby="admin-catalogue">
      <h1 id="admin-catalogue" ref={title} tabIndex={-1}>
        {at(lang, 'catalogueTitle')}
      </h1>
      <p>
        {at(lang, 'catalogueLead', {
          agencies: config.agencies.length,
          services,
          unrecorded: missing.size,
        })}
      </p>
      <p>
        {at(lang, 'ed.activeVersion')}
        <code>{config.version.slice(0, 12)}</code>
      </p>
      {published && (
        <p class="admin-note" role="status" ref={note} tabIndex={-1}>
          {at(lang, 'ed.published', { version: published.slice(0, 12) })}
        </p>
      )}
      {props.canWrite && (
        <div class="admin-actions">
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() => {
              setPublished(null);
              setEditing('new');
            }}
          >
            {at(lang, 'ed.addAgency')}
          </button>
        </div>
      )}
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
              <th scope="rowgroup" colSpan={props.canWrite ? 2 : 3}>
                {localized(agency.name, lang)}
              </th>
              {props.canWrite && (
                <td>
                  <button
                    type="button"
                    class="btn btn--secondary"
                    aria-label={at(lang, 'ed.editAgency', {
                      agency: localized(agency.shortName, lang),
                    })}
                    onClick={() => {
                      setPublished(null);
                      setEditing(agency.id);
                    }}
                  >
                    {at(lang, 'ed.edit')}
                  </button>
                </td>
              )}
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
