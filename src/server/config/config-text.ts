/**
 * One config file's text read as JSON, with what is wrong in the text itself: a syntax
 * error (with line and column), or a key written twice in one object, which JSON.parse
 * would silently settle by keeping the last.
 */
import {
  type ConfigFile,
  type ConfigIssue,
  configIssue,
  jsonPath,
} from '../../domain/config/issues';
import { type DuplicateKey, duplicateKeys, jsonErrorOffset, lineAndColumn } from './json-position';

/** A file (its path in the config dir), its JSON if it parses, and the issues of its text. */
export type ParsedText = { file: string; parsed: ConfigFile | undefined; issues: ConfigIssue[] };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function syntaxProblem(text: string, error: unknown): string {
  const { line, column } = lineAndColumn(text, Math.max(jsonErrorOffset(text), 0));
  return `JSON tidak valid di baris ${line} kolom ${column}: ${errorText(error)}`;
}

/** `a`, `a dan b`, `a, b, dan c` */
function listed(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items.at(-1)}`;
}

/** Where each occurrence is: lines alone when they differ, else line and column. */
function places(text: string, offsets: readonly number[]): string {
  const at = offsets.map((offset) => lineAndColumn(text, offset));
  const lines = at.map((p) => p.line);
  if (new Set(lines).size === lines.length) return `baris ${listed(lines.map(String))}`;
  return listed(at.map((p) => `baris ${p.line} kolom ${p.column}`));
}

function duplicateIssue(file: string, text: string, duplicate: DuplicateKey): ConfigIssue {
  const { segments, offsets } = duplicate;
  const message = `properti ganda, ditulis ${offsets.length} kali (${places(text, offsets)}): hapus salah satu`;
  return configIssue(file, jsonPath(...segments), message);
}

/**
 * Parses a config file's text. A syntax error leaves no content; duplicate keys keep the
 * content (so the rest of the file is still checked) but are issues, like any other.
 */
export function parseConfigText(file: string, text: string): ParsedText {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return {
      file,
      parsed: undefined,
      issues: [configIssue(file, '$', syntaxProblem(text, error))],
    };
  }
  const issues = duplicateKeys(text).map((duplicate) => duplicateIssue(file, text, duplicate));
  return { file, parsed: { file, content }, issues };
}
