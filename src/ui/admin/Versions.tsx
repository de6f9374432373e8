/**
 * The site's config versions: which one devices run now, every earlier one (seeded from
 * CONFIG_DIR or published here) with what it would change, and restoring one after saying
 * so. Devices pick the restored version up as any new one.
 */
import { useState } from 'preact/hooks';
import type { ConfigChange } from '../../domain/config/diff';
import type { ConfigBundle } from '../../domain/config/schema';
import { ChangeList, Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type VersionActions = {
  configVersions(): Promise<{
    active: string;
    versions: { version: string; source: 'dir' | 'admin'; createdAt: number }[];
  }>;
  configChanges(version: string): Promise<ConfigChange[]>;
  restoreConfig(version: string): Promise<string>;
};

export function Versions(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: VersionActions;
  canWrite: boolean;
}) {
  const { lang, actions, canWrite } = props;
  const list = useLoaded(actions.configVersions);
  const [chosen, setChosen] = useState<{ version: string; changes: ConfigChange[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const timeZone = props.config.site.timeZone;
  const look = (version: string) => {
    setError(null);
    actions.configChanges(version).then((changes) => setChosen({ version, changes }), setError);
  };
  return (
    <section class="admin-section" aria-labelledby="admin-versions">
      <h1 id="admin-versions">{at(lang, 'versionsTitle')}</h1>
      <p>{at(lang, 'versionsLead')}</p>
      <Refusal error={error} />
      {restored && (
        <p class="admin-note" role="status">
          {at(lang, 'restored', { version: restored.slice(0, 12) })}
        </p>
      )}
      {chosen && (
        <section class="admin-panel" aria-labelledby="admin-changes">
          <h2 id="admin-changes">
            {at(lang, 'changesOf', { version: chosen.version.slice(0, 12) })}
          </h2>
          {chosen.changes.length === 0 ? (
            <p>{at(lang, 'noChanges')}</p>
          ) : (
            <ChangeList lang={lang} changes={chosen.changes} />
          )}
          <div class="admin-actions">
            {canWrite && (
              <button
                type="button"
                class="btn btn--danger"
                onClick={() => {
                  setError(null);
                  actions.restoreConfig(chosen.version).then((version) => {
                    setRestored(version);
                    setChosen(null);
                    list.reload();
                  }, setError);
                }}
              >
                {at(lang, 'restoreThis')}
              </button>
            )}
            <button type="button" class="btn btn--secondary" onClick={() => setChosen(null)}>
              {at(lang, 'close')}
            </button>
          </div>
        </section>
      )}
      {list.value === null ? (
        <Pending lang={lang} error={list.error} retry={list.reload} />
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colVersion')}</th>
              <th scope="col">{at(lang, 'colSource')}</th>
              <th scope="col">{at(lang, 'colWhen')}</th>
              <th scope="col">{at(lang, 'colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.versions.map((v) => {
              const active = v.version === list.value?.active;
              return (
                <tr key={v.version}>
                  <th scope="row">
                    <code>{v.version.slice(0, 12)}</code>
                    {active && <strong> · {at(lang, 'activeVersion')}</strong>}
                  </th>
                  <td>{at(lang, v.source === 'admin' ? 'sourceAdmin' : 'sourceDir')}</td>
                  <td>{when(v.createdAt, timeZone, lang)}</td>
                  <td>
                    {!active && (
                      <button
                        type="button"
                        class="btn btn--secondary"
                        aria-label={`${at(lang, 'seeChanges')}: ${v.version.slice(0, 12)}`}
                        onClick={() => look(v.version)}
                      >
                        {at(lang, 'seeChanges')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
