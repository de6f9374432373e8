/**
 * The audit log, newest first, a page at a time: when, by whom (a staff member's name
 * where the token is theirs), what, on what, and how it ended.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AuditEntry, AuditPage } from '../../domain/protocol';
import type { StaffSummary } from '../../domain/staff';
import { Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type AuditActions = {
  audit(before: number | null): Promise<AuditPage>;
  staff(): Promise<StaffSummary[]>;
};

export function Audit(props: { lang: AdminLanguage; config: ConfigBundle; actions: AuditActions }) {
  const { lang, actions } = props;
  const first = useLoaded(() => Promise.all([actions.audit(null), actions.staff()]));
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  if (first.value === null) return <Pending lang={lang} error={first.error} retry={first.reload} />;
  const [page, staff] = first.value;
  const names = new Map(staff.map((p) => [p.staffId, p.name]));
  const entries = [...page.entries, ...older];
  const cursor = next === undefined ? page.next : next;
  const timeZone = props.config.site.timeZone;
  return (
    <section class="admin-section" aria-labelledby="admin-audit">
      <h1 id="admin-audit">{at(lang, 'auditTitle')}</h1>
      <p>{at(lang, 'auditLead')}</p>
      <Refusal error={error} />
      {entries.length === 0 ? (
        <p>{at(lang, 'noAudit')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colWhen')}</th>
              <th scope="col">{at(lang, 'colWho')}</th>
              <th scope="col">{at(lang, 'colAction')}</th>
              <th scope="col">{at(lang, 'colTarget')}</th>
              <th scope="col">{at(lang, 'colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{when(entry.at, timeZone, lang)}</td>
                <td>{names.get(entry.adminId) ?? `admin ${entry.adminId.slice(0, 8)}`}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.targetId === null
                    ? '—'
                    : (names.get(entry.targetId) ?? <code>{entry.targetId.slice(0, 8)}</code>)}
                </td>
                <td>{entry.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor !== null && (
        <button
          type="button"
          class="btn btn--secondary"
          onClick={() =>
            actions.audit(cursor).then((more) => {
              setOlder((list) => [...list, ...more.entries]);
              setNext(more.next);
            }, setError)
          }
        >
          {at(lang, 'more')}
        </button>
      )}
    </section>
  );
}
