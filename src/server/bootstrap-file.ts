/**
 * The one-time bootstrap code reaches the operator through a file only they can read,
 * DATA_DIR/bootstrap-code.txt (0600), and on a terminal through a box — never through the
 * log, which says only where the file is. The file goes once the first admin is made with
 * it, and at a start that issues no code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapBox } from './auth/bootstrap';
import type { Logger } from './log/logger';

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

/**
 * Writes the file for `code` now (or, without a code, removes an old one); the answer,
 * called once the server listens at `url`, logs where the file is and shows the box when
 * stdout is a terminal.
 */
export function handOverBootstrapCode(
  dataDir: string,
  code: string | null,
  log: Logger,
): (url: string) => void {
  if (code === null) {
    removeBootstrapCode(dataDir);
    return () => {};
  }
  const file = writeBootstrapCode(dataDir, code);
  return (url) => {
    log.info(
      { file },
      `Belum ada admin: kode bootstrap sekali pakai ada di ${file} (no admin yet; one-time bootstrap code in that file)`,
    );
    // Only a person at a terminal sees the box; a log collector never gets the code.
    if (process.stdout.isTTY) process.stdout.write(`${bootstrapBox(code, url)}\n`);
  };
}
