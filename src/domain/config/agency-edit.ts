/**
 * An agency edited in the admin, put into the site's config: added, or in place of the one
 * with its id. Its unrecorded parts ("belum-dicatat") are read as their words, and its texts
 * checked for control characters (no screen shows them, PostgreSQL refuses NUL); the whole
 * result is then checked like any config (./validate.ts).
 */
import { isPlainText } from '../request-fields';
import { type ConfigIssue, configIssue, jsonPath, type PathSegment } from './issues';
import type { ConfigBundle } from './schema';
import { readUnrecorded } from './unrecorded';

/** The config to validate with `agency` in it, and the issues found before validation. */
export function withEditedAgency(
  config: ConfigBundle,
  agency: Record<string, unknown> & { id: string },
): { input: ConfigBundle; issues: ConfigIssue[] } {
  const file = `agencies/${agency.id}.json`;
  const read = readUnrecorded(file, agency).content as ConfigBundle['agencies'][number];
  const at = config.agencies.findIndex((a) => a.id === agency.id);
  const agencies =
    at === -1 ? [...config.agencies, read] : config.agencies.map((a, i) => (i === at ? read : a));
  const issues = controlCharacters(agency).map((path) =>
    configIssue(file, jsonPath(...path), 'tidak boleh berisi karakter kendali'),
  );
  return { input: { ...config, agencies }, issues };
}

/** Deeper than any config file goes: the schema refuses what lies below. */
const MAX_DEPTH = 16;

/** The paths of every string in `value` holding a C0/C1 control character. */
function controlCharacters(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (path.length > MAX_DEPTH) return [];
  if (typeof value === 'string') {
    return isPlainText(value) ? [] : [path];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => controlCharacters(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => controlCharacters(item, [...path, key]));
  }
  return [];
}
