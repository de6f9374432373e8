/** Small pieces the admin screens share: a refusal's message, a loaded list, a time. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigChange } from '../../domain/config/diff';
import { formatClock, formatDate } from '../../domain/format';
import type { TimeZone } from '../../domain/time';
import { ADMIN_TEXT, type AdminLanguage, type AdminTextKey, at } from './text';

/** What a failed call says: the server's message, and each issue it listed. */
export function Refusal({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = (error as { issues?: readonly { path: string; message: string }[] }).issues ?? [];
  return (
    <div class="admin-refusal" role="alert">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path}>
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A list read from the server once the screen is up, and again whenever `keys` change (a
 * filter): its value, the refusal, and a way to read it again (after a change). `load` is
 * the one of the latest render.
 */
export function useLoaded<T>(load: () => Promise<T>, keys: readonly unknown[] = []) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(load);
  latest.current = load;
  const reload = useCallback(() => {
    setError(null);
    latest.current().then(setValue, setError);
  }, []);
  useEffect(reload, keys);
  return { value, error, reload };
}

/** A loading line, or the refusal with a retry, while `value` is not there. */
export function Pending(props: { lang: AdminLanguage; error: unknown; retry: () => void }) {
  if (props.error === null) {
    return (
      <p aria-busy="true" class="admin-pending">
        {at(props.lang, 'loading')}
      </p>
    );
  }
  return (
    <div>
      <Refusal error={props.error} />
      <button type="button" class="btn btn--secondary" onClick={props.retry}>
        {at(props.lang, 'retry')}
      </button>
    </div>
  );
}

/** "5 Desember 2026 09.14 WIB": a moment in the site's time zone. */
export function when(ms: number, timeZone: TimeZone, lang: AdminLanguage): string {
  return `${formatDate(ms, timeZone, lang)} ${formatClock(ms, timeZone)}`;
}

/** "Are you sure?" before an action that cannot be undone: the question, do it, or not. */
export function Confirm(props: {
  id: string;
  question: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="admin-confirm" role="alertdialog" aria-labelledby={props.id}>
      <p id={props.id}>{props.question}</p>
      <div class="admin-actions">
        <button type="button" class="btn btn--danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </div>
  );
}

/** The two days of a period, for a report's form. */
export function PeriodFields(props: {
  lang: AdminLanguage;
  period: { from: string; to: string };
  onChange: (period: { from: string; to: string }) => void;
}) {
  const { lang, period, onChange } = props;
  return (
    <>
      <label>
        {at(lang, 'periodFrom')}
        <input
          type="date"
          required
          value={period.from}
          onInput={(e) => onChange({ ...period, from: e.currentTarget.value })}
        />
      </label>
      <label>
        {at(lang, 'periodTo')}
        <input
          type="date"
          required
          value={period.to}
          onInput={(e) => onChange({ ...period, to: e.currentTarget.value })}
        />
      </label>
    </>
  );
}

/** A changed field as people say it ("biaya"), or as the config names it when it has no words. */
function fieldName(lang: AdminLanguage, field: string): string {
  const key = `field.${field}`;
  return key in ADMIN_TEXT[lang] ? at(lang, key as AdminTextKey) : field;
}

/** What a config change does, a line each: "Layanan x ditambahkan", "… diubah: fields". */
export function ChangeList({
  lang,
  changes,
}: {
  lang: AdminLanguage;
  changes: readonly ConfigChange[];
}) {
  return (
    <ul>
      {changes.map((c) => (
        <li key={`${c.what}-${c.id}`}>
          {at(lang, `change.${c.kind}` as AdminTextKey, {
            what: at(lang, `what.${c.what}` as AdminTextKey),
            id: c.id,
          })}
          {c.fields.length > 0 && `: ${c.fields.map((f) => fieldName(lang, f)).join(', ')}`}
        </li>
      ))}
    </ul>
  );
}

/** A row of an import as its report lists it: read (added, changed, as before) or refused. */
export type ReportedRow = {
  row: number;
  /** What the row names: a service, a booking code. */
  name: string;
  status: 'added' | 'changed' | 'unchanged' | 'refused';
  message: string;
};

/** An import's report, a line per row: its number, what it names, and what became of it. */
export function ImportRows(props: {
  lang: AdminLanguage;
  nameColumn: AdminTextKey;
  rows: readonly ReportedRow[];
}) {
  const { lang } = props;
  return (
    <table class="admin-table">
      <caption>{at(lang, 'importRows')}</caption>
      <thead>
        <tr>
          <th scope="col">{at(lang, 'colRow')}</th>
          <th scope="col">{at(lang, props.nameColumn)}</th>
          <th scope="col">{at(lang, 'colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.row}>
            <td class="admin-number">{r.row}</td>
            <th scope="row">{r.name || '—'}</th>
            <td>
              {at(lang, `row.${r.status}` as AdminTextKey)}
              {r.status === 'refused' && `: ${r.message}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An import's last step once its check is read: the button that saves (publishes), offered
 * only for a clean check with something to save, and why not while the check found problems.
 */
export function SaveChecked(props: {
  label: string;
  clean: boolean;
  empty: boolean;
  fixFirst: string;
  onSave: () => void;
}) {
  return (
    <div class="admin-actions">
      <button
        type="button"
        class="btn btn--primary"
        disabled={!props.clean || props.empty}
        onClick={props.onSave}
      >
        {props.label}
      </button>
      {!props.clean && <p>{props.fixFirst}</p>}
    </div>
  );
}
