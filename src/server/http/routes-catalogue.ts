/**
 * The catalogue from a spreadsheet (admin): GET /admin/catalogue/template.csv and
 * template.xlsx — every service as a row, the template to fill; POST /admin/catalogue/import
 * with JSON {csv, publish} or the .xlsx itself (?publish=1) — read the rows into the one row
 * model (src/domain/config/catalogue-import.ts), check the result like any config, and
 * answer a line per row (what was read, or why not), the columns not understood, every
 * issue, and the changes; with `publish`, a clean import becomes the newest config version
 * (audited), which devices pick up. Anything refused publishes nothing.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import Papa from 'papaparse';
import * as v from 'valibot';
import {
  IMPORT_COLUMNS,
  type ImportRow,
  importCatalogue,
  type RowReport,
  XLSX_MEDIA_TYPE,
} from '../../domain/config/catalogue-import';
import { catalogueRows } from '../../domain/config/catalogue-rows';
import { configDiff } from '../../domain/config/diff';
import { validateBundle } from '../../domain/config/validate';
import { parseRequest } from '../../domain/request-fields';
import { requireAdmin } from '../auth/guard';
import { type CatalogueTable, readCatalogueXlsx, XlsxRefusal } from '../config/catalogue-xlsx';
import { catalogueXlsx } from '../config/catalogue-xlsx-template';
import { readBodyBytes, readJsonBody } from './body';
import type { ApiDeps } from './deps';
import { fail } from './errors';
import { valid } from './validate';

const ImportSchema = v.strictObject({
  csv: v.pipe(v.string(), v.maxLength(900_000)),
  publish: v.optional(v.boolean(), false),
});

export function catalogueRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const admin = requireAdmin(deps);
  api.get('/catalogue/template.csv', admin, (c) => {
    const csv = Papa.unparse(catalogueRows(deps.config()), {
      columns: [...IMPORT_COLUMNS],
      delimiter: ';',
      newline: '\r\n',
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="katalog-layanan.csv"');
    return c.body(`\uFEFF${csv}\r\n`);
  });
  api.get('/catalogue/template.xlsx', admin, async (c) => {
    const bytes = await catalogueXlsx(IMPORT_COLUMNS, catalogueRows(deps.config()));
    c.header('Content-Type', XLSX_MEDIA_TYPE);
    c.header('Content-Disposition', 'attachment; filename="katalog-layanan.xlsx"');
    return c.body(bytes.buffer as ArrayBuffer);
  });
  api.post('/catalogue/import', admin, async (c) => {
    const isXlsx = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() === XLSX_MEDIA_TYPE;
    const { table, publish } = isXlsx ? await xlsxImport(c) : await csvImport(c);
    if (!table.columns.includes('instansi') || !table.columns.includes('layanan')) {
      throw fail(
        400,
        'invalid_request',
        'The first row must name the columns, with instansi and layanan.',
      );
    }
    const unknownColumns = table.columns.filter(
      (f) => !(IMPORT_COLUMNS as readonly string[]).includes(f),
    );
    const config = deps.config();
    const { agencies, report } = importCatalogue(config, table.rows, table.rowNumbers);
    const checked = validateBundle({ ...config, agencies });
    const issues = checked.ok ? [] : checked.issues;
    if (!checked.ok) refuseRows(report, agencies, issues);
    const changes = checked.ok ? configDiff(config, checked.bundle) : [];
    const clean = checked.ok && report.every((r) => r.status !== 'refused');
    let published: string | null = null;
    if (publish && clean && changes.length > 0) {
      const bundle = await deps.publishConfig(
        checked.bundle,
        {
          at: deps.now(),
          adminId: c.get('admin').adminId,
          action: 'catalogue.import',
          targetId: null,
          outcome: 'ok',
        },
        config.version,
      );
      published = bundle.version;
    }
    return c.json({
      rows: report,
      unknownColumns,
      issues: issues
        .slice(0, 100)
        .map((i) => ({ path: `${i.file} ${i.path}`, message: i.message })),
      changes,
      published,
    });
  });
  return api;
}

/** A CSV import: JSON {csv, publish}, read by papaparse (first line: the columns). */
async function csvImport(c: Context): Promise<{ table: CatalogueTable; publish: boolean }> {
  const { csv, publish } = valid(parseRequest(ImportSchema, await readJsonBody(c)));
  const parsed = Papa.parse<ImportRow>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  return {
    table: { columns: parsed.meta.fields ?? [], rows: parsed.data, rowNumbers: [] },
    publish,
  };
}

/** An .xlsx import: the file as the body, `?publish=1` to publish a clean one. */
async function xlsxImport(c: Context): Promise<{ table: CatalogueTable; publish: boolean }> {
  const publishParam = c.req.query('publish') ?? '0';
  if (!['0', '1', 'true', 'false'].includes(publishParam)) {
    throw fail(400, 'invalid_request', 'publish must be 1 or 0.');
  }
  const bytes = await readBodyBytes(c);
  try {
    const table = await readCatalogueXlsx(bytes);
    return { table, publish: publishParam === '1' || publishParam === 'true' };
  } catch (error) {
    if (error instanceof XlsxRefusal) throw fail(error.status, error.code, error.message);
    throw error;
  }
}

/** Marks the rows of services the checks refused, with the first reason for each. */
function refuseRows(
  report: RowReport[],
  agencies: readonly { id: string; services: readonly { id: string }[] }[],
  issues: readonly { file: string; path: string; message: string }[],
): void {
  for (const issue of issues) {
    const agencyId = /agencies\/(.+)\.json$/.exec(issue.file)?.[1];
    const index = /^\$\.services\[(\d+)\]/.exec(issue.path)?.[1];
    const service = agencies.find((a) => a.id === agencyId)?.services[Number(index)];
    for (const row of report) {
      if (row.status === 'refused' || row.service !== service?.id) continue;
      row.status = 'refused';
      row.message = `${issue.path}: ${issue.message}`;
    }
  }
}
