/**
 * Config issues: what is wrong, in which file and where in it (a JSON path), and how
 * they are sorted and printed. Shared by the validator, the rules and the loader.
 */

/** One problem found in the config; `file` is relative to the config dir, `path` a JSON path. */
export type ConfigIssue = { file: string; path: string; message: string };

/** One config file: its path relative to the config dir (`agencies/imigrasi.json`) and its JSON. */
export type ConfigFile = { file: string; content: unknown };

/** A step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Builds a JSON path such as `$.services[2].requirements[0].label.en`. */
export function jsonPath(...segments: readonly PathSegment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** Shorthand for building an issue. */
export function configIssue(file: string, path: string, message: string): ConfigIssue {
  return { file, path, message };
}

/** Compares strings so that embedded numbers sort by value (`[2]` before `[10]`). */
function naturalCompare(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    if (i % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Sorts issues by file, then by path (stable: issues at one path keep their order). */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort(
    (a, b) => naturalCompare(a.file, b.file) || naturalCompare(a.path, b.path),
  );
}

/** One line per issue, sorted: `agencies/imigrasi.json $.services[0].cost.legalBasis: tidak boleh kosong`. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return sortIssues(issues)
    .map((issue) => `${issue.file} ${issue.path}: ${issue.message}`)
    .join('\n');
}
