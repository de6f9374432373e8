/**
 * Reads a config dir (kiosk-config/ or $CONFIG_DIR) from disk and validates it. JSON
 * syntax errors, duplicate keys, a missing dir and a missing site.json come back as
 * issues like any other.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { canonicalJson } from '../../domain/config/canonical-json';
import { type ConfigIssue, configIssue, sortIssues } from '../../domain/config/issues';
import { GENERATED_SCHEMA_FILE } from '../../domain/config/layout';
import {
  type ConfigFile,
  type ConfigResult,
  validateConfigFiles,
} from '../../domain/config/validate';
import { type ParsedText, parseConfigText } from './config-text';

/** The config dir to use: the command-line argument, else $CONFIG_DIR, else ./kiosk-config. */
export function resolveConfigDir(arg: string | undefined, env = process.env): string {
  return arg || env.CONFIG_DIR || 'kiosk-config';
}

/** A config version: the first 12 hex chars of sha256 over the files' canonical JSON. */
export function configVersion(files: readonly ConfigFile[]): string {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const text = canonicalJson(sorted.map((f) => [f.file, f.content]));
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The version of a config published from the admin: the same hash, over the bundle's content. */
export function bundleVersion(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 12);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function dirProblem(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `folder konfigurasi tidak ditemukan: ${resolve(dir)}`;
  if (code === 'ENOTDIR') return `bukan folder: ${resolve(dir)}`;
  return `folder konfigurasi tidak bisa dibaca: ${errorText(error)}`;
}

/** Every .json file under `dir` (paths relative to it, with "/"), hidden ones and schema.json left out. */
async function listJsonFiles(dir: string): Promise<string[] | ConfigIssue> {
  try {
    const names = await readdir(dir, { recursive: true });
    return names
      .map((name) => name.split(sep).join('/'))
      .filter((name) => name.endsWith('.json') && name !== GENERATED_SCHEMA_FILE)
      .filter((name) => !name.split('/').some((part) => part.startsWith('.')))
      .sort();
  } catch (error) {
    return configIssue('.', '$', dirProblem(dir, error));
  }
}

/** One file read and parsed as JSON, with the issues of its text. */
async function readJsonFile(dir: string, file: string): Promise<ParsedText> {
  let text: string;
  try {
    text = (await readFile(join(dir, file), 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const issue = configIssue(file, '$', `file tidak bisa dibaca: ${errorText(error)}`);
    return { file, parsed: undefined, issues: [issue] };
  }
  return parseConfigText(file, text);
}

/**
 * Reads and validates every file of a config dir. Files that are not valid JSON are
 * reported and the rest is still validated, as are files with duplicate keys (as JSON.parse
 * reads them), so one run shows every issue.
 */
export async function readConfigDir(dir: string): Promise<ConfigResult> {
  const listed = await listJsonFiles(dir);
  if (!Array.isArray(listed)) return { ok: false, issues: [listed] };
  const read = await Promise.all(listed.map((file) => readJsonFile(dir, file)));
  const files = read.flatMap((r) => (r.parsed ? [r.parsed] : []));
  const unreadable = read.filter((r) => !r.parsed).map((r) => r.file);
  const textIssues = read.flatMap((r) => r.issues);
  const result = validateConfigFiles(files, configVersion(files), { unreadable });
  if (textIssues.length === 0) return result;
  return { ok: false, issues: sortIssues([...textIssues, ...(result.ok ? [] : result.issues)]) };
}
