/**
 * The site's secret key: 32 random bytes in DATA_DIR/secret.key, made 0600 on first
 * start, outside the database. One-time codes are stored as HMACs under it (./secrets.ts).
 * Must: never overwritten (an existing key is read, whatever its age); a file of any other
 * size stops the start with a message, as codes hashed under another key would silently
 * stop working; the key never reaches a log.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** The key file's name inside DATA_DIR. */
export const SECRET_KEY_FILE = 'secret.key';
/** Bytes of key: as long as HMAC-SHA256's output. */
export const SECRET_KEY_BYTES = 32;

/** The key in `dataDir` (which must exist), made on first use; `created` says whether now. */
export function loadOrCreateSecretKey(dataDir: string): { key: Buffer; created: boolean } {
  const path = join(dataDir, SECRET_KEY_FILE);
  if (existsSync(path)) return { key: readKey(path), created: false };
  const key = randomBytes(SECRET_KEY_BYTES);
  // Written whole to a temp file, then linked into place: a crash never leaves a short key,
  // and link() fails if another server made one meanwhile (then that one is used).
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readKey(path), created: false };
  } finally {
    rmSync(temp, { force: true });
  }
  syncDirectory(dataDir);
  return { key, created: true };
}

function readKey(path: string): Buffer {
  const key = readFileSync(path);
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(
      `${path} harus berisi tepat ${SECRET_KEY_BYTES} bita, bukan ${key.length} ` +
        `(must hold exactly ${SECRET_KEY_BYTES} bytes): pulihkan berkas aslinya, atau hapus ` +
        'agar dibuat ulang — kode sekali pakai yang belum dipakai lalu tidak berlaku lagi.',
    );
  }
  return key;
}

/** Flushes the directory entry of the new key, where the OS allows it (not on Windows). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory for fsync; its renames and links are durable anyway.
  }
}
