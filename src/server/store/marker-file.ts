/**
 * The clean-close marker: a small file beside the database saying which epoch, head and
 * close stamp the last clean stop wrote. A database restored from an older copy, or one
 * whose marker is missing, no longer matches it.
 * Must: written atomically and durably (temp file, fsync, rename, fsync of the directory);
 * unreadable or malformed counts as missing.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger';

/** What a clean stop recorded. */
export type CloseMarker = { epoch: string; head: number; stamp: string };

/** The marker at `path`, or null when missing or malformed. */
export async function readMarker(path: string, log?: Logger): Promise<CloseMarker | null> {
  const parsed = (await readJsonFile(path, log)) as Partial<CloseMarker> | null;
  if (
    typeof parsed?.epoch !== 'string' ||
    typeof parsed.head !== 'number' ||
    typeof parsed.stamp !== 'string'
  ) {
    return null;
  }
  return { epoch: parsed.epoch, head: parsed.head, stamp: parsed.stamp };
}

/**
 * The JSON in the file at `path`, or null when it is missing or not JSON; a file that is
 * there but unreadable or not JSON is one warning line (its path, never its content).
 */
export async function readJsonFile(path: string, log?: Logger): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') damaged(path, log);
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    damaged(path, log);
    return null;
  }
}

/** Says that a file the server wrote in DATA_DIR is damaged and counts as missing. */
export function damaged(path: string, log: Logger | undefined): void {
  log?.warn({ file: path }, 'Berkas di DATA_DIR rusak, dianggap tidak ada (damaged file ignored)');
}

/** Writes the marker durably, replacing any older one in one step. */
export function writeMarker(path: string, marker: CloseMarker): Promise<void> {
  return writeJsonDurably(path, marker);
}

/** Writes `value` as JSON at `path` durably, replacing any older file in one step. */
export async function writeJsonDurably(path: string, value: unknown): Promise<void> {
  const temp = `${path}.tmp`;
  // Owner-only, like every file in DATA_DIR (the mode applies when the file is created).
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(JSON.stringify(value));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** Deletes the marker (a running store has none), durably. */
export async function removeMarker(path: string): Promise<void> {
  await rm(path, { force: true });
  await syncDirectory(dirname(path));
}

/** Flushes a directory's entries (a rename or delete) to disk, where the OS allows it. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; its renames are durable on their own.
  }
}
