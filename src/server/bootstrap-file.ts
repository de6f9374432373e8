/**
 * The one-time bootstrap code reaches the operator through a file only they can read,
 * DATA_DIR/bootstrap-code.txt (0600), never through the log. The file goes once the first
 * admin is made with it, and at a start that issues no code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file's name inside DATA_DIR. */
export const BOOTSTRAP_CODE_FILE = 'bootstrap-code.txt';

/** Writes `code` (and a newline) to a new 0600 file in `dataDir`; returns its path. */
export function writeBootstrapCode(dataDir: string, code: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, BOOTSTRAP_CODE_FILE);
  // A new file (flag 'wx'), so the mode holds even when an old one was made otherwise.
  rmSync(path, { force: true });
  writeFileSync(path, `${code}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}

/** Removes the file, if there is one. */
export function removeBootstrapCode(dataDir: string): void {
  rmSync(join(dataDir, BOOTSTRAP_CODE_FILE), { force: true });
}
