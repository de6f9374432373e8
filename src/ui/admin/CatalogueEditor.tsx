/**
 * The catalogue editor: one agency (or a new one) with its services. "Periksa" sends the
 * working copy to be checked with the whole config and shows every issue (also in the
 * service it is in) and what would change; "Terbitkan", after a clean check of this very
 * copy and a confirmation, publishes it as a new config version. The version the editor
 * began from goes along, so a change made meanwhile by someone else is never overwritten.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigChange } from '../../domain/config/diff';
import type { Agency, ConfigBundle } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { AgencyFields } from './AgencyFields';
import {
  type AgencyDraft,
  agencyOf,
  draftOf,
  newAgency,
  newService,
  removeAt,
  replaceAt,
} from './agency-draft';
import { ListButton } from './editor-fields';
import { ServiceFields } from './ServiceFields';
import { ChangeList, Confirm, Refusal } from './shared';
import { type AdminLanguage, at } from './text';

/** The server's answer to a check or a publish. */
export type AgencyCheck = {
  issues: { path: string; message: string }[];
  issueCount: number;
  changes: ConfigChange[];
  published: string | null;
};

export type CatalogueEditorActions = {
  checkAgency(
    id: string,
    agency: Record<string, unknown>,
    publish: boolean,
    basedOn: string,
  ): Promise<AgencyCheck>;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The index of the service an issue is in: `… $.services[2].cost` → 2. */
const serviceIndex = (path: string) => Number(/ \$\.services\[(\d+)\]/.exec(path)?.[1] ?? -1);

export function CatalogueEditor(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  /** The agency to change; null for a new one. */
  agency: Agency | null;
  actions: CatalogueEditorActions;
  onPublished: (version: string) => void;
  onClose: () => void;
}) {
  const { lang, config, agency, actions } = props;
  const [draft, setDraft] = useState<AgencyDraft>(() => (agency ? draftOf(agency) : newAgency()));
  // The version the copy was taken from, even when a newer config arrives meanwhile.
  const [basedOn] = useState(config.version);
  const [checked, setChecked] = useState<(AgencyCheck & { of: AgencyDraft }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const results = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (checked || error) results.current?.focus();
  }, [checked, error]);
  // Which services are new here (their code may still change), place for place.
  const [fresh, setFresh] = useState<boolean[]>(() => draft.services.map(() => agency === null));
  const change = (patch: Partial<AgencyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const send = (publish: boolean) => {
    setError(null);
    setConfirming(false);
    // A new agency's code names the address it is sent to: checked here first.
    const refusal = !SLUG.test(draft.id)
      ? at(lang, 'ed.idInvalid')
      : !agency && config.agencies.some((a) => a.id === draft.id)
        ? at(lang, 'ed.idTaken', { id: draft.id })
        : null;
    if (refusal) {
      setChecked(null);
      setError(new Error(refusal));
      return;
    }
    const sent = draft;
    actions.checkAgency(sent.id, agencyOf(sent), publish, basedOn).then((answer) => {
      setChecked({ ...answer, of: sent });
      if (answer.published) props.onPublished(answer.published);
    }, setError);
  };
  const current = checked?.of === draft ? checked : null;
  const publishable = current !== null && current.issueCount === 0 && current.changes.length > 0;
  const title = agency
    ? at(lang, 'ed.title', { agency: localized(agency.shortName, lang) })
    : at(lang, 'ed.titleNew');
  return (
    <section class="admin-panel admin-editor" aria-labelledby="admin-editor">
      <h2 id="admin-editor" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{at(lang, 'ed.lead')}</p>
      <form
        class="admin-form"
        // The check lists every issue at once, the browser's would stop at the first.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send(false);
        }}
      >
        <AgencyFields lang={lang} value={draft} isNew={agency === null} onChange={change} />
        <section aria-labelledby="admin-editor-services">
          <h3 id="admin-editor-services">
            {at(lang, 'ed.services', { count: draft.services.length })}
          </h3>
          {draft.services.map((service, i) => (
            <ServiceFields
              key={i}
              lang={lang}
              index={i}
              value={service}
              isNew={fresh[i] ?? false}
              agencies={config.agencies}
              issues={
                checked?.issues.filter(
                  (issue) =>
                    serviceIndex(issue.path) === i &&
                    issue.path.startsWith(`agencies/${draft.id}.json `),
                ) ?? []
              }
              onChange={(next) => change({ services: replaceAt(draft.services, i, next) })}
              onRemove={() => {
                change({ services: removeAt(draft.services, i) });
                setFresh((f) => removeAt(f, i));
              }}
            />
          ))}
          <ListButton
            kind="add"
            label={at(lang, 'ed.addService')}
            onClick={() => {
              change({ services: [...draft.services, newService()] });
              setFresh((f) => [...f, true]);
            }}
          />
        </section>
        <div class="admin-editor-results" ref={results} tabIndex={-1}>
          <Refusal error={error} />
          {checked && (
            <CheckResult
              lang={lang}
              checked={checked}
              stale={current === null}
              serviceName={(i) => {
                const service = checked.of.services[i];
                return service ? localized(service.name, lang) || service.id : '';
              }}
            />
          )}
        </div>
        {confirming && (
          <Confirm
            id="admin-editor-confirm"
            question={at(lang, 'ed.publishConfirm')}
            confirm={at(lang, 'ed.confirmPublish')}
            cancel={at(lang, 'ed.cancel')}
            onConfirm={() => send(true)}
            onCancel={() => setConfirming(false)}
          />
        )}
        <div class="admin-actions admin-editor-actions">
          <button type="submit" class="btn btn--primary">
            {at(lang, 'ed.check')}
          </button>
          <button
            type="button"
            class="btn btn--primary"
            disabled={!publishable || confirming}
            onClick={() => setConfirming(true)}
          >
            {at(lang, 'ed.publish')}
          </button>
          <button type="button" class="btn btn--secondary" onClick={props.onClose}>
            {at(lang, 'ed.back')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the last check found: every issue, or none and what would change. */
function CheckResult(props: {
  lang: AdminLanguage;
  checked: AgencyCheck & { of: AgencyDraft };
  stale: boolean;
  /** The name of the checked copy's service `i`, to say where an issue is. */
  serviceName: (i: number) => string;
}) {
  const { lang, checked } = props;
  const where = (path: string) =>
    path.startsWith(`agencies/${checked.of.id}.json `) ? props.serviceName(serviceIndex(path)) : '';
  if (checked.issueCount > 0) {
    const more = checked.issueCount - checked.issues.length;
    return (
      <div class="admin-refusal" role="alert">
        <p>{at(lang, 'ed.issues', { count: checked.issueCount })}</p>
        <ul>
          {checked.issues.map((issue, i) => (
            <li key={`${issue.path}#${i}`}>
              {where(issue.path) && <strong>{where(issue.path)}: </strong>}
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
          {more > 0 && <li>{at(lang, 'ed.moreIssues', { count: more })}</li>}
        </ul>
      </div>
    );
  }
  return (
    <div role="status">
      <p>{at(lang, 'ed.clean')}</p>
      <h3>{at(lang, 'ed.changes')}</h3>
      {checked.changes.length === 0 ? (
        <p>{at(lang, 'ed.noChanges')}</p>
      ) : (
        <ChangeList lang={lang} changes={checked.changes} />
      )}
      {props.stale && <p class="admin-note">{at(lang, 'ed.stale')}</p>}
    </div>
  );
}
