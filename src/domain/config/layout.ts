/**
 * Which files make a config: exactly one site.json, agencies/<id>.json,
 * profiles/<id>.json and visits/<id>.json (file name = id inside), at least one agency.
 * The generated schema.json is not config and is skipped.
 */
import { type ConfigFile, type ConfigIssue, configIssue } from './issues';

/** What a config file describes. */
export type FileKind = 'site' | 'agency' | 'profile' | 'visit';

/** A config file whose kind is known from its path; `name` is its file name without `.json`. */
export type LayoutFile = ConfigFile & { kind: FileKind; name: string };

/** The JSON Schema generated for editors; lives in the config dir but is not config. */
export const GENERATED_SCHEMA_FILE = 'schema.json';

const SITE_FILE = 'site.json';
const IN_FOLDER = /^(agencies|profiles|visits)\/([^/]+)\.json$/;
const FOLDER_KIND: Record<string, FileKind> = {
  agencies: 'agency',
  profiles: 'profile',
  visits: 'visit',
};

/** The kind and name of a config file from its path, or undefined when it is not one. */
export function classifyFile(file: string): { kind: FileKind; name: string } | undefined {
  if (file === SITE_FILE) return { kind: 'site', name: 'site' };
  const match = IN_FOLDER.exec(file);
  const kind = match ? FOLDER_KIND[match[1] ?? ''] : undefined;
  return kind && match ? { kind, name: match[2] ?? '' } : undefined;
}

function idMismatch(file: LayoutFile): ConfigIssue[] {
  if (file.kind === 'site') return [];
  const content = file.content;
  if (typeof content !== 'object' || content === null || !('id' in content)) return [];
  const id = content.id;
  if (typeof id !== 'string' || id === file.name) return [];
  return [
    configIssue(file.file, '$.id', `id '${id}' harus sama dengan nama file '${file.name}.json'`),
  ];
}

function missingFiles(present: readonly string[]): ConfigIssue[] {
  const kinds = new Set(present.map((file) => classifyFile(file)?.kind));
  const issues: ConfigIssue[] = [];
  if (!kinds.has('site')) issues.push(configIssue(SITE_FILE, '$', 'file site.json tidak ada'));
  if (!kinds.has('agency')) {
    issues.push(
      configIssue('agencies', '$', 'belum ada instansi: minimal satu file agencies/<id>.json'),
    );
  }
  return issues;
}

const UNKNOWN_FILE =
  'file tidak dikenal: yang dibaca hanya site.json, agencies/<id>.json, profiles/<id>.json dan visits/<id>.json';

/**
 * Sorts files by path, keeps the config files and reports unknown, repeated and missing
 * files and ids that differ from the file name. `unreadable` files (bad JSON) count as present.
 */
export function checkLayout(
  files: readonly ConfigFile[],
  unreadable: readonly string[],
): { files: LayoutFile[]; issues: ConfigIssue[] } {
  const seen = new Set<string>();
  const kept: LayoutFile[] = [];
  const issues: ConfigIssue[] = [];
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const file of sorted) {
    if (file.file === GENERATED_SCHEMA_FILE) continue;
    const kind = classifyFile(file.file);
    if (seen.has(file.file)) issues.push(configIssue(file.file, '$', 'file ganda'));
    else if (!kind) issues.push(configIssue(file.file, '$', UNKNOWN_FILE));
    else kept.push({ ...file, ...kind });
    seen.add(file.file);
  }
  for (const file of unreadable) {
    if (!classifyFile(file) && file !== GENERATED_SCHEMA_FILE) {
      issues.push(configIssue(file, '$', UNKNOWN_FILE));
    }
  }
  issues.push(...missingFiles([...seen, ...unreadable]), ...kept.flatMap(idMismatch));
  return { files: kept, issues };
}
