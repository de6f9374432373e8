/**
 * The catalogue from the spreadsheet a Pemda already keeps (issue 12): one row per service,
 * columns named in Indonesian. A row changes the service it names (only the columns it
 * fills) or adds one to an agency the site has; a part left empty on a new service is
 * "belum dicatat" (./unrecorded.ts), never invented. Every row gets a line of the report:
 * what was read, or why not. The result is checked like any config before it is published.
 */

import { rowOf } from './catalogue-rows';
import type { Agency, ConfigBundle, Service } from './schema';
import { UNRECORDED, UNRECORDED_TEXT } from './schema';

/** The template's columns, in order (README "Catalogue import"). */
export const IMPORT_COLUMNS = [
  'instansi',
  'layanan',
  'nama',
  'nama_en',
  'biaya',
  'biaya_en',
  'dasar_hukum',
  'waktu',
  'waktu_en',
  'produk',
  'produk_en',
  'prosedur',
  'prosedur_en',
  'persyaratan',
  'persyaratan_en',
  'kuota_harian',
  'menit_layanan',
  'dilayani_di',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The media type of an .xlsx: the import's body when sent as a file, the template's. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each text column and its English. */
const TEXT_PAIRS = [
  ['nama', 'nama_en'],
  ['biaya', 'biaya_en'],
  ['waktu', 'waktu_en'],
  ['produk', 'produk_en'],
  ['prosedur', 'prosedur_en'],
  ['persyaratan', 'persyaratan_en'],
] as const satisfies readonly (readonly [ImportColumn, ImportColumn])[];
export type ImportRow = Partial<Record<ImportColumn, string>>;

/** One row's outcome; `row` counts as a spreadsheet does (the header is row 1). */
export type RowReport = {
  row: number;
  service: string;
  status: 'added' | 'changed' | 'unchanged' | 'refused';
  message: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'persyaratan';

/** A cost cell: "gratis", a whole rupiah amount, "belum-dicatat", or words (a variable cost). */
function costOf(
  cell: string,
  english: string | undefined,
  legalBasis: string | undefined,
): Service['cost'] | string {
  const text = cell.trim();
  if (text.toLowerCase() === 'gratis')
    return { kind: 'free', ...(legalBasis ? { legalBasis } : {}) };
  if (text === 'belum-dicatat') {
    return { kind: 'variable', note: { ...UNRECORDED_TEXT }, legalBasis: UNRECORDED_TEXT.id };
  }
  const amount = text.replace(/^Rp\.?\s*/i, '').replace(/\./g, '');
  if (/^\d+$/.test(amount)) {
    if (!legalBasis) return 'a cost in rupiah needs its dasar_hukum';
    return {
      kind: 'fixed',
      items: [{ label: { id: 'Biaya', en: 'Fee' }, amount: Number(amount) }],
      legalBasis,
    };
  }
  return {
    kind: 'variable',
    note: textOf(text, english),
    legalBasis: legalBasis ?? UNRECORDED_TEXT.id,
  };
}

/** A text cell and its English one ("belum-dicatat": the honest words in both). */
function textOf(cell: string, english: string | undefined) {
  if (cell === 'belum-dicatat') return { ...UNRECORDED_TEXT };
  return { id: cell, ...(english ? { en: english } : {}) };
}

/**
 * The items of a list cell, each with the English at the same place in the other (an empty
 * place keeps the others where they are), if any.
 */
function listOf(cell: string, english: string | undefined) {
  const places = (text: string) => text.split('|').map((x) => x.trim());
  const en = places(english ?? '');
  return places(cell)
    .map((id, i) => ({ id, ...(en[i] ? { en: en[i] } : {}) }))
    .filter((item) => item.id !== '');
}

/**
 * The agencies of `bundle` with `rows` applied, and the report of each row. A row is
 * refused (and changes nothing) when it names no agency of the site, no valid service id,
 * or a new service without its name, requirements and minutes of service. `rowNumbers`:
 * each row's number in its sheet, when the reader knows it (else the header's + 1 + i).
 */
export function importCatalogue(
  bundle: ConfigBundle,
  rows: readonly ImportRow[],
  rowNumbers: readonly number[] = [],
): { agencies: Agency[]; report: RowReport[] } {
  const agencies = bundle.agencies.map((a) => ({ ...a, services: [...a.services] }));
  const report: RowReport[] = [];
  each: for (const [i, raw] of rows.entries()) {
    // A cell that is not text is papaparse's list of fields beyond the header's.
    const row = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']),
    ) as Record<ImportColumn, string | undefined>;
    const at = rowNumbers[i] ?? i + 2;
    const serviceId = row.layanan ?? '';
    const refuse = (message: string) =>
      report.push({ row: at, service: serviceId, status: 'refused', message });
    if ('__parsed_extra' in raw) {
      refuse('lebih banyak kolom daripada judul: beri tanda kutip pada sel yang berisi titik koma');
      continue;
    }
    const agency = agencies.find((a) => a.id === row.instansi);
    if (!agency) {
      refuse(`instansi '${row.instansi ?? ''}' tidak ada di situs ini`);
      continue;
    }
    if (!SLUG.test(serviceId)) {
      refuse('layanan: huruf kecil, angka dan tanda hubung');
      continue;
    }
    const index = agency.services.findIndex((s) => s.id === serviceId);
    const before = index >= 0 ? agency.services[index] : undefined;
    // A cell as the template wrote it changes nothing (a service's requirements keep their
    // alternatives and notes when the row says the same names): only what differs applies.
    const legalBasis = row.dasar_hukum || before?.cost.legalBasis || undefined;
    if (before) {
      const was = rowOf(agency.id, before);
      // A text and its English go together: both as they stand change nothing; either
      // changed applies the pair, the other cell as it stands when left empty.
      for (const [text, english] of TEXT_PAIRS) {
        // Only a cost in words has English of its own.
        const wordsOnly = text === 'biaya' && before.cost.kind !== 'variable';
        if (row[text] === was[text] && (row[english] === was[english] || wordsOnly)) {
          row[text] = '';
          row[english] = '';
        } else {
          row[text] = row[text] || was[text];
          row[english] = row[english] || was[english];
        }
      }
      for (const column of [
        'dasar_hukum',
        'kuota_harian',
        'menit_layanan',
        'dilayani_di',
      ] as const) {
        if (row[column] === was[column]) row[column] = '';
      }
    }
    if (!before && (!row.nama || !row.persyaratan || !row.menit_layanan)) {
      refuse('layanan baru: nama, persyaratan dan menit_layanan wajib diisi');
      continue;
    }
    const next: Record<string, unknown> = {
      ...(before ?? {
        id: serviceId,
        offeredAt: ['lobby'],
        procedure: [{ ...UNRECORDED_TEXT }],
        duration: { ...UNRECORDED_TEXT },
        product: { ...UNRECORDED_TEXT },
        cost: { kind: 'variable', note: { ...UNRECORDED_TEXT }, legalBasis: UNRECORDED_TEXT.id },
      }),
    };
    if (row.nama) next.name = { id: row.nama, ...(row.nama_en ? { en: row.nama_en } : {}) };
    if (row.biaya) {
      const cost = costOf(row.biaya, row.biaya_en, legalBasis);
      if (typeof cost === 'string') {
        refuse(cost);
        continue;
      }
      next.cost = cost;
    } else if (row.dasar_hukum && before) {
      next.cost = { ...before.cost, legalBasis: row.dasar_hukum };
    }
    if (row.waktu) next.duration = textOf(row.waktu, row.waktu_en);
    if (row.produk) next.product = textOf(row.produk, row.produk_en);
    if (row.prosedur) {
      next.procedure =
        row.prosedur === 'belum-dicatat'
          ? [{ ...UNRECORDED_TEXT }]
          : listOf(row.prosedur, row.prosedur_en);
    }
    if (row.persyaratan === UNRECORDED) {
      next.requirements = [{ id: UNRECORDED, label: { ...UNRECORDED_TEXT }, mandatory: false }];
    } else if (row.persyaratan) {
      // A requirement the row names as before keeps its id, alternatives, conditions and
      // notes; only new names become new (mandatory) requirements.
      const kept = new Map((before?.requirements ?? []).map((r) => [r.label.id, r]));
      const ids = new Set<string>();
      next.requirements = listOf(row.persyaratan, row.persyaratan_en).map((label) => {
        const old = kept.get(label.id);
        if (old) {
          ids.add(old.id);
          return { ...old, label: { ...old.label, ...(label.en ? { en: label.en } : {}) } };
        }
        let id = slugOf(label.id);
        for (let n = 2; ids.has(id) || [...kept.values()].some((r) => r.id === id); n++) {
          id = `${slugOf(label.id)}-${n}`;
        }
        ids.add(id);
        return { id, label, mandatory: true };
      });
    }
    for (const [column, field] of [
      ['kuota_harian', 'dailyQuota'],
      ['menit_layanan', 'averageServiceMinutes'],
    ] as const) {
      const cell = row[column];
      if (!cell) continue;
      if (!/^\d+$/.test(cell)) {
        refuse(`${column}: bilangan bulat`);
        continue each;
      }
      next[field] = Number(cell);
    }
    // Another agency's desk that serves it; '-' takes it back to its own agency's lokets.
    if (row.dilayani_di === '-') delete next.servedAt;
    else if (row.dilayani_di) next.servedAt = row.dilayani_di;
    const service = next as Service;
    if (before) agency.services[index] = service;
    else agency.services.push(service);
    const status = !before
      ? 'added'
      : JSON.stringify(before) === JSON.stringify(service)
        ? 'unchanged'
        : 'changed';
    report.push({
      row: at,
      service: serviceId,
      status,
      message: status === 'added' ? 'ditambahkan' : status === 'changed' ? 'diubah' : 'sama',
    });
  }
  return { agencies, report };
}
