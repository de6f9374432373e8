/**
 * Validates a site's config: the server and `npm run config:check` validate the files of a
 * config dir, a device validates the bundle it received before replacing its cached one.
 * Both report every issue at once (schema of each file + cross-file rules), never the first.
 */
import * as v from 'valibot';
import { bundleConfigSet, locateInBundle, toBundle } from './bundle';
import { buildConfigSet, type ConfigSetParts, noteUnparsedAgency, noUnparsed } from './config-set';
import { type ConfigFile, type ConfigIssue, configIssue, jsonPath, sortIssues } from './issues';
import { checkLayout, classifyFile, type LayoutFile } from './layout';
import { isJsonObject, issueSegments, notAnObject, PARSE_CONFIG } from './messages';
import { checkCrossFileRules } from './rules';
import { englishGaps } from './rules-english';
import {
  AgencySchema,
  type ConfigBundle,
  ConfigBundleSchema,
  ProfileSchema,
  SiteSchema,
  VisitSchema,
} from './schema';
import { readUnrecorded } from './unrecorded';

export type { ConfigFile, ConfigIssue } from './issues';
export { formatIssues } from './issues';

/**
 * A validated bundle (with its warnings: the parts of services not recorded yet, and the
 * citizen-facing texts an English-speaking site still has in Indonesian only), or every
 * issue found.
 */
export type ConfigResult =
  | { ok: true; bundle: ConfigBundle; warnings?: ConfigIssue[]; untranslated?: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[] };

/** Files that exist but could not be read as JSON (already reported by the loader). */
export type ValidateOptions = { unreadable?: readonly string[] };

function parseFile<S extends v.GenericSchema>(
  schema: S,
  file: LayoutFile,
  issues: ConfigIssue[],
): v.InferOutput<S> | undefined {
  if (!isJsonObject(file.content)) {
    issues.push(configIssue(file.file, '$', notAnObject(file.content)));
    return undefined;
  }
  const result = v.safeParse(schema, file.content, PARSE_CONFIG);
  if (result.success) return result.output;
  for (const issue of result.issues) {
    issues.push(configIssue(file.file, jsonPath(...issueSegments(issue)), issue.message));
  }
  return undefined;
}

function parseFiles(files: readonly LayoutFile[], unreadable: readonly string[]) {
  const parts: ConfigSetParts = { agencies: [], profiles: [], visits: [], unparsed: noUnparsed() };
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const file of files) {
    const at = file.file;
    if (file.kind === 'site') {
      const value = parseFile(SiteSchema, file, issues);
      if (value) parts.site = { file: at, value };
    } else if (file.kind === 'agency') {
      const read = readUnrecorded(at, file.content);
      warnings.push(...read.warnings);
      const value = parseFile(AgencySchema, { ...file, content: read.content }, issues);
      if (value) parts.agencies.push({ file: at, value });
      else noteUnparsedAgency(parts.unparsed, file.name, file.content);
    } else if (file.kind === 'profile') {
      const value = parseFile(ProfileSchema, file, issues);
      if (value) parts.profiles.push({ file: at, value });
    } else {
      const value = parseFile(VisitSchema, file, issues);
      if (value) parts.visits.push({ file: at, value });
    }
  }
  for (const file of unreadable) {
    const kind = classifyFile(file);
    if (kind?.kind === 'agency') noteUnparsedAgency(parts.unparsed, kind.name, undefined);
  }
  return { set: buildConfigSet(parts), issues, warnings };
}

/**
 * Validates the files of a config dir (paths relative to it) and builds the bundle with
 * `version`: agencies, profiles and visits sorted by id. Reports every issue, sorted.
 */
export function validateConfigFiles(
  files: ConfigFile[],
  version: string,
  options: ValidateOptions = {},
): ConfigResult {
  const unreadable = options.unreadable ?? [];
  const layout = checkLayout(files, unreadable);
  const { set, issues, warnings } = parseFiles(layout.files, unreadable);
  issues.push(...layout.issues, ...checkCrossFileRules(set));
  if (issues.length > 0 || !set.site) return { ok: false, issues: sortIssues(issues) };
  return {
    ok: true,
    bundle: toBundle(set, set.site, version),
    warnings: sortIssues(warnings),
    untranslated: sortIssues(englishGaps(set)),
  };
}

/**
 * Device side: validates a bundle received from the server with the same schema and rules.
 * Issues name the file they came from (`agencies/<id>.json`) when known, else "bundle".
 */
export function validateBundle(input: unknown): ConfigResult {
  if (!isJsonObject(input)) {
    return { ok: false, issues: [configIssue('bundle', '$', notAnObject(input))] };
  }
  const result = v.safeParse(ConfigBundleSchema, input, PARSE_CONFIG);
  if (!result.success) {
    const issues = result.issues.map((issue) => {
      const at = locateInBundle(input, issueSegments(issue));
      return configIssue(at.file, jsonPath(...at.segments), issue.message);
    });
    return { ok: false, issues: sortIssues(issues) };
  }
  const set = bundleConfigSet(result.output);
  const issues = checkCrossFileRules(set);
  if (issues.length > 0 || !set.site) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, bundle: toBundle(set, set.site, result.output.version) };
}
