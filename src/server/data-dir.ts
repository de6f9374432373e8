/**
 * DATA_DIR's permissions: the directory 0700 and every file in it 0600. New files get that
 * from the umask (077, set first in main.ts) and explicit modes; a DATA_DIR made by an
 * older release or by hand is tightened at start. Must: only owner bits are kept; what
 * cannot be tightened is reported, not thrown (the server still starts, and says so).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './log/logger';

/** What prepareDataDir changed, or could not change, for the start-up message. */
export type DataDirReport = { tightened: string[]; failed: string[] };

/** Sub-directories whose files the server makes (the self-signed TLS key and certificate). */
const OWN_SUBDIRS = ['tls'];

/** Creates `dir` 0700 if missing; else takes group and other bits off it and its files. */
export function prepareDataDir(dir: string): DataDirReport {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const report: DataDirReport = { tightened: [], failed: [] };
  tighten(dir, 0o700, report);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isFile()) tighten(path, 0o600, report);
    else if (stat.isDirectory() && OWN_SUBDIRS.includes(name)) {
      tighten(path, 0o700, report);
      for (const inner of readdirSync(path)) {
        const innerPath = join(path, inner);
        if (lstatSync(innerPath).isFile()) tighten(innerPath, 0o600, report);
      }
    }
  }
  return report;
}

function tighten(path: string, mode: number, report: DataDirReport): void {
  const current = lstatSync(path).mode & 0o777;
  if ((current & 0o077) === 0) return;
  try {
    chmodSync(path, current & mode);
    report.tightened.push(path);
  } catch {
    report.failed.push(path);
  }
}

/** prepareDataDir, logging what had to be tightened or could not be. */
export function secureDataDir(dir: string, log: Logger): void {
  const { tightened, failed } = prepareDataDir(dir);
  if (tightened.length > 0) {
    log.warn({ paths: tightened }, 'Izin diperketat (permissions tightened to owner only)');
  }
  if (failed.length > 0) {
    log.warn({ paths: failed }, 'Izin TIDAK dapat diperketat (could not tighten)');
  }
}
