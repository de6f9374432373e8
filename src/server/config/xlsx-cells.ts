/**
 * An .xlsx cut down to its cells before exceljs reads it. exceljs turns some small markup
 * into work as large as a sheet can be — a column range (`<col max>`), a merged range, a
 * defined name, a row numbered in the billions — so only what holds values is passed on:
 * the workbook's sheet list, its relationships, shared strings and styles (which say what
 * is a date), and each sheet's rows and cells, written again here from what saxes read.
 * Must: a row or cell past Excel's own limits (1 048 576 rows, column XFD) is refused.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Why a part could not be cut down: its XML is broken or names a row or cell out of range. */
export class XlsxPartRefusal extends Error {}

const MAX_ROW = 1_048_576;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const KEPT_AS_IS = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A row number as Excel allows it. */
const rowNumber = (r: string) => /^\d{1,7}$/.test(r) && Number(r) >= 1 && Number(r) <= MAX_ROW;

/**
 * What a sheet's cells keep, by element below `<sheetData>`: the element it must sit in,
 * and its attributes, each with a test of its value. A formula keeps only its last result
 * (`<v>`); formats and phonetic runs are dropped.
 */
const CELL_MARKUP: Record<string, { in: string; keep: Record<string, (v: string) => boolean> }> = {
  row: { in: 'sheetData', keep: { r: rowNumber } },
  c: {
    in: 'row',
    keep: {
      r: (ref) => {
        const [, letters = '', row = ''] = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref) ?? [];
        return (letters.length < 3 || letters <= 'XFD') && letters !== '' && rowNumber(row);
      },
      t: (t) => ['b', 'd', 'e', 'inlineStr', 'n', 's', 'str'].includes(t),
      s: (s) => /^\d{1,6}$/.test(s),
    },
  },
  v: { in: 'c', keep: {} },
  is: { in: 'c', keep: {} },
  r: { in: 'is', keep: {} },
  t: { in: 'is|r', keep: {} },
};

/** The files exceljs is given: the kept parts, the workbook's sheet list, the sheets' cells. */
export function cellsOnly(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const [name, data] of files) {
    if (KEPT_AS_IS.has(name)) kept.set(name, data);
    else if (name === 'xl/workbook.xml') kept.set(name, encoder.encode(workbookOnly(text(data))));
    else if (SHEET.test(name)) kept.set(name, encoder.encode(sheetCellsOnly(text(data))));
  }
  return kept;
}

function text(data: Uint8Array): string {
  return new TextDecoder('utf-8').decode(data);
}

/** The workbook: whether its dates count from 1904, and its sheets (name, id, relation). */
function workbookOnly(xml: string): string {
  let date1904 = false;
  const sheets: string[] = [];
  parse(xml, {
    open(tag) {
      if (tag.name === 'workbookPr') date1904 = /^(1|true)$/.test(tag.attributes.date1904 ?? '');
      if (tag.name !== 'sheet') return;
      const { name = '', sheetId = '', state = 'visible' } = tag.attributes;
      const id = tag.attributes['r:id'] ?? '';
      const attributes = { name, sheetId, state, 'r:id': id };
      sheets.push(`<sheet${attributesOf(Object.entries(attributes))}/>`);
    },
  });
  const pr = date1904 ? '<workbookPr date1904="1"/>' : '';
  return document('workbook', `${pr}<sheets>${sheets.join('')}</sheets>`);
}

/** A sheet's rows and cells (values, types, styles), written again; nothing else of it. */
function sheetCellsOnly(xml: string): string {
  const out: string[] = [];
  // Each open element: its name, and whether it is written (if not, nor is all it holds).
  const open: { name: string; written: boolean }[] = [];
  let seen = false;
  parse(xml, {
    open(tag) {
      const parent = open[open.length - 1];
      if (open.length === 1 && tag.name === 'sheetData' && !seen) {
        seen = true;
        open.push({ name: tag.name, written: true });
        return;
      }
      const markup = CELL_MARKUP[tag.name];
      const written =
        markup !== undefined &&
        parent?.written === true &&
        markup.in.split('|').includes(parent.name);
      open.push({ name: tag.name, written });
      if (!markup || !written) return;
      const attributes = Object.entries(tag.attributes).filter(([key]) => key in markup.keep);
      for (const [key, value] of attributes) {
        if (!markup.keep[key]?.(value)) {
          throw new XlsxPartRefusal(`<${tag.name} ${key}="${value.slice(0, 20)}"> is out of range`);
        }
      }
      out.push(`<${tag.name}${attributesOf(attributes)}>`);
    },
    close() {
      const element = open.pop();
      if (element?.written && open.length > 1) out.push(`</${element.name}>`);
    },
    text(value) {
      const element = open[open.length - 1];
      if (element?.written && (element.name === 'v' || element.name === 't')) {
        out.push(xmlText(value));
      }
    },
  });
  return document('worksheet', `<sheetData>${out.join('')}</sheetData>`);
}

/** An XML part of the workbook: its root element, in the spreadsheet's namespaces. */
function document(root: string, content: string): string {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return `${head}<${root} xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">${content}</${root}>`;
}

/** Attributes as written in a tag, with a space before each. */
function attributesOf(attributes: readonly (readonly [string, string])[]): string {
  return attributes.map(([key, value]) => ` ${key}="${xmlText(value)}"`).join('');
}

/** Reads `xml` with saxes (no DTD entities), calling back on elements and text. */
function parse(
  xml: string,
  on: {
    open(tag: SaxesTagPlain): void;
    close?(tag: SaxesTagPlain): void;
    text?(value: string): void;
  },
): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  parser.on('error', (error) => {
    throw new XlsxPartRefusal(`its XML does not read: ${error.message}`);
  });
  parser.on('doctype', () => {
    throw new XlsxPartRefusal('a DOCTYPE is not read');
  });
  parser.on('opentag', (tag) => on.open(tag));
  if (on.close) parser.on('closetag', (tag) => on.close?.(tag));
  if (on.text) {
    parser.on('text', (value) => on.text?.(value));
    parser.on('cdata', (value) => on.text?.(value));
  }
  parser.write(xml).close();
}

function xmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
