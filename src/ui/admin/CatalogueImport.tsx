/**
 * Importing the catalogue from a spreadsheet, .xlsx or CSV: the template to fill (every
 * service as it stands, in either), a file to check — a line per row, columns not
 * understood, every issue, and what would change — then publishing a clean one as the
 * newest version.
 */
import { useState } from 'preact/hooks';
import { type RowReport, XLSX_MEDIA_TYPE } from '../../domain/config/catalogue-import';
import type { ConfigChange } from '../../domain/config/diff';
import { saveFile } from '../save-file';
import { ChangeList, ImportRows, Refusal, SaveChecked } from './shared';
import { type AdminLanguage, at } from './text';

type Checked = {
  rows: RowReport[];
  unknownColumns: string[];
  issues: { path: string; message: string }[];
  changes: ConfigChange[];
  published: string | null;
};

/** A spreadsheet to import: the text of a CSV, or the bytes of an .xlsx. */
export type CatalogueFile = { csv: string } | { xlsx: ArrayBuffer };

export type CatalogueImportActions = {
  catalogueTemplate(format: 'csv' | 'xlsx'): Promise<Blob>;
  importCatalogue(file: CatalogueFile, publish: boolean): Promise<Checked>;
  /** Reads the site's config again (after a publish). */
  refreshConfig(): void;
};

export function CatalogueImport(props: { lang: AdminLanguage; actions: CatalogueImportActions }) {
  const { lang, actions } = props;
  const [file, setFile] = useState<CatalogueFile | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = (publish: boolean) => {
    if (file === null) return;
    setError(null);
    actions.importCatalogue(file, publish).then((answer) => {
      setChecked(answer);
      if (answer.published) actions.refreshConfig();
    }, setError);
  };
  const refused = checked?.rows.filter((r) => r.status === 'refused') ?? [];
  const clean = checked !== null && refused.length === 0 && checked.issues.length === 0;
  return (
    <section class="admin-panel" aria-labelledby="admin-import">
      <h2 id="admin-import">{at(lang, 'importTitle')}</h2>
      <p>{at(lang, 'importLead')}</p>
      <div class="admin-actions">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            class="btn btn--secondary"
            onClick={() =>
              actions
                .catalogueTemplate(format)
                .then((blob) => saveFile(blob, `katalog-layanan.${format}`), setError)
            }
          >
            {at(lang, format === 'xlsx' ? 'templateXlsx' : 'template')}
          </button>
        ))}
      </div>
      <div class="admin-form admin-form--inline">
        <label>
          {at(lang, 'importFile')}
          <input
            type="file"
            accept={`.csv,.xlsx,text/csv,${XLSX_MEDIA_TYPE}`}
            onChange={(e) => {
              const picked = e.currentTarget.files?.[0];
              setChecked(null);
              if (!picked) setFile(null);
              else if (/\.xlsx$/i.test(picked.name)) {
                picked.arrayBuffer().then((xlsx) => setFile({ xlsx }), setError);
              } else picked.text().then((csv) => setFile({ csv }), setError);
            }}
          />
        </label>
        <button
          type="button"
          class="btn btn--primary"
          disabled={file === null}
          onClick={() => run(false)}
        >
          {at(lang, 'check')}
        </button>
      </div>
      <Refusal error={error} />
      {checked && (
        <>
          {checked.published && (
            <p class="admin-note" role="status">
              {at(lang, 'importPublished', { version: checked.published.slice(0, 12) })}
            </p>
          )}
          {checked.unknownColumns.length > 0 && (
            <p>{at(lang, 'unknownColumns', { columns: checked.unknownColumns.join(', ') })}</p>
          )}
          <ImportRows
            lang={lang}
            nameColumn="colServiceName"
            rows={checked.rows.map((r) => ({ ...r, name: r.service }))}
          />
          {checked.changes.length > 0 && <ChangeList lang={lang} changes={checked.changes} />}
          {!checked.published && (
            <SaveChecked
              label={at(lang, 'publish')}
              clean={clean}
              empty={checked.changes.length === 0}
              fixFirst={at(lang, 'fixFirst')}
              onSave={() => run(true)}
            />
          )}
        </>
      )}
    </section>
  );
}
