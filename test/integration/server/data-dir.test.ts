// @vitest-environment node
/**
 * DATA_DIR on disk: the secret key made once (32 bytes, 0600) and never replaced, a key of
 * the wrong size refused, codes hashed under it as HMACs; DATA_DIR made 0700, or an
 * existing looser one tightened with its files.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecretKey, SECRET_KEY_FILE } from '../../../src/server/auth/secret-key';
import { hashCode } from '../../../src/server/auth/secrets';
import { prepareDataDir } from '../../../src/server/data-dir';

const mode = (path: string) => statSync(path).mode & 0o777;
const tempDir = () => mkdtempSync(join(tmpdir(), 'anjungan-datadir-'));

describe('the secret key', () => {
  it('is made once, 32 random bytes owner-only, and read back unchanged afterwards', () => {
    const dir = tempDir();

    const made = loadOrCreateSecretKey(dir);
    const again = loadOrCreateSecretKey(dir);

    expect(made.created).toBe(true);
    expect(made.key).toHaveLength(32);
    expect(mode(join(dir, SECRET_KEY_FILE))).toBe(0o600);
    expect(again).toEqual({ key: made.key, created: false });
    expect(readFileSync(join(dir, SECRET_KEY_FILE))).toEqual(made.key);
  });

  it('differs between sites, and refuses a file of the wrong size rather than replace it', () => {
    const [a, b, broken] = [tempDir(), tempDir(), tempDir()];
    writeFileSync(join(broken, SECRET_KEY_FILE), 'short');

    expect(loadOrCreateSecretKey(a).key).not.toEqual(loadOrCreateSecretKey(b).key);
    expect(() => loadOrCreateSecretKey(broken)).toThrow(/32 bytes/);
    expect(readFileSync(join(broken, SECRET_KEY_FILE), 'utf8')).toBe('short');
  });

  it('makes codes HMACs under it: the same typed code, other keys, no plain sha256', () => {
    const [k1, k2] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const plain = createHash('sha256').update('K7QFM2XDAB').digest('hex');

    expect(hashCode('k7qfm-2xdab', k1)).toBe(hashCode(' K7QF M2XD AB ', k1));
    expect(hashCode('K7QFM-2XDAB', k1)).not.toBe(hashCode('K7QFM-2XDAB', k2));
    expect(hashCode('K7QFM-2XDAB', k1)).not.toBe(plain);
  });
});

describe('DATA_DIR permissions', () => {
  it('makes a missing DATA_DIR 0700', () => {
    const dir = join(tempDir(), 'a', 'data');

    const report = prepareDataDir(dir);

    expect(mode(dir)).toBe(0o700);
    expect(report).toEqual({ tightened: [], failed: [] });
  });

  it('tightens a looser DATA_DIR, its files and its tls/ files, and says which', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'anjungan.sqlite'), '', { mode: 0o644 });
    writeFileSync(join(dir, 'anjungan.sqlite.ledger'), '', { mode: 0o600 });
    mkdirSync(join(dir, 'tls'), { mode: 0o755 });
    writeFileSync(join(dir, 'tls', 'cert.pem'), '', { mode: 0o644 });
    const outside = join(tempDir(), 'elsewhere.txt');
    writeFileSync(outside, '', { mode: 0o644 });
    symlinkSync(outside, join(dir, 'link'));

    const report = prepareDataDir(dir);

    expect(report.tightened.sort()).toEqual(
      [dir, join(dir, 'anjungan.sqlite'), join(dir, 'tls'), join(dir, 'tls', 'cert.pem')].sort(),
    );
    expect([dir, join(dir, 'tls')].map(mode)).toEqual([0o700, 0o700]);
    expect(
      ['anjungan.sqlite', 'anjungan.sqlite.ledger', 'tls/cert.pem'].map((f) => mode(join(dir, f))),
    ).toEqual([0o600, 0o600, 0o600]);
    expect(mode(outside)).toBe(0o644);
  });
});
