/**
 * Turns valibot issues into config issues: a JSON path and a short Indonesian message.
 * Messages written in the schema (`'tidak boleh kosong'`) win; the rest come from here.
 */
import type * as v from 'valibot';
import type { PathSegment } from './issues';

type Issue = v.BaseIssue<unknown>;

/** Parse options for every config schema: report every issue, in Indonesian. */
export const PARSE_CONFIG: v.Config<Issue> = {
  abortEarly: false,
  abortPipeEarly: false,
  message: indonesianMessage,
};

/** True for a JSON object (not an array, not null): what every config file must be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The issue for a file or bundle that is not a JSON object at all. */
export function notAnObject(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `harus objek JSON {...}, bukan ${kind}`;
}

/** The segments of an issue's path: property names and array indexes. */
export function issueSegments(issue: Issue): PathSegment[] {
  return (issue.path ?? []).map((item) =>
    typeof item.key === 'number' ? item.key : String(item.key),
  );
}

function isKeyIssue(issue: Issue): boolean {
  return issue.path?.at(-1)?.origin === 'key';
}

/** `("a" | "b")` → `"a", "b"` */
function readableExpected(issue: Issue): string {
  return (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ', ');
}

function lengthUnit(issue: Issue): string {
  return typeof issue.input === 'string' ? 'karakter' : 'item';
}

function objectMessage(issue: Issue): string {
  if (isKeyIssue(issue) && issue.expected === 'never') return 'properti tidak dikenal';
  if (isKeyIssue(issue)) return 'wajib diisi';
  return `harus objek, bukan ${issue.received}`;
}

/** The Indonesian message for a valibot issue whose schema gave no message of its own. */
export function indonesianMessage(issue: Issue): string {
  const requirement = String(issue.requirement);
  switch (issue.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return objectMessage(issue);
    case 'string':
      return `harus teks, bukan ${issue.received}`;
    case 'number':
      return `harus angka, bukan ${issue.received}`;
    case 'boolean':
      return `harus true atau false, bukan ${issue.received}`;
    case 'array':
      return `harus daftar [...], bukan ${issue.received}`;
    case 'picklist':
    case 'literal':
    case 'variant':
      return `harus salah satu dari ${readableExpected(issue)}, bukan ${issue.received}`;
    case 'integer':
      return `harus bilangan bulat, bukan ${issue.received}`;
    case 'min_length':
      return `minimal ${requirement} ${lengthUnit(issue)}`;
    case 'max_length':
      return `maksimal ${requirement} ${lengthUnit(issue)}`;
    case 'min_value':
      return `minimal ${requirement}, bukan ${issue.received}`;
    case 'max_value':
      return `maksimal ${requirement}, bukan ${issue.received}`;
    default:
      return `tidak valid: diharapkan ${issue.expected ?? '?'}, diterima ${issue.received}`;
  }
}
