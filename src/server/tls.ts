/**
 * HTTPS for a site server on the LAN (ARCHITECTURE.md §1: service workers, persistent
 * storage and WebUSB need a secure context). The operator's certificate (TLS_CERT,
 * TLS_KEY) when given; otherwise a self-signed one made once in DATA_DIR/tls/ with
 * Debian's `openssl` CLI, covering this machine's names and addresses.
 * Must: never overwrite an existing certificate (devices trust it); its files are 0600.
 */
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';

/** A certificate and key to serve, with what devices need to trust it. */
export type TlsMaterial = {
  cert: string;
  key: string;
  certPath: string;
  /** base64 sha256 of the public key, for Chrome's --ignore-certificate-errors-spki-list. */
  spkiSha256: string;
  /** Names and addresses the certificate covers. */
  altNames: string[];
  /** True when made on this start (print the trust instructions). */
  created: boolean;
};

/** Whether a HOST only accepts connections from this machine (no TLS needed). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The operator's certificate files. */
export function loadTls(certPath: string, keyPath: string): TlsMaterial {
  const cert = readFileSync(certPath, 'utf8');
  return describe(cert, readFileSync(keyPath, 'utf8'), certPath, false);
}

/** The self-signed certificate in `dir`, made on first use for `host` and this machine. */
export function ensureSelfSigned(dir: string, host: string): TlsMaterial {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) return loadTls(certPath, keyPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const configPath = join(dir, 'openssl.cnf');
  writeFileSync(configPath, opensslConfig(machineNames(host)), { mode: 0o600 });
  const run = spawnSync(
    'openssl',
    [
      ...['req', '-x509', '-new', '-nodes', '-days', '825', '-config', configPath],
      ...['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      ...['-keyout', keyPath, '-out', certPath],
    ],
    { encoding: 'utf8' },
  );
  if (run.error || run.status !== 0) {
    throw new Error(
      `could not create a self-signed certificate with openssl (${run.error?.message ?? run.stderr.trim()}); install openssl or set TLS_CERT and TLS_KEY`,
    );
  }
  chmodSync(keyPath, 0o600);
  chmodSync(certPath, 0o600);
  return describe(readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'), certPath, true);
}

/** Names and addresses this server is reached by: HOST, the hostname, every interface. */
export function machineNames(host: string): string[] {
  const names = new Set<string>(['localhost', '127.0.0.1', '::1', hostname()]);
  if (host !== '0.0.0.0' && host !== '::' && host !== '') names.add(host.replace(/^\[|\]$/g, ''));
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? [])
      if (!address.internal) names.add(address.address.split('%')[0] ?? '');
  }
  names.delete('');
  return [...names];
}

function opensslConfig(names: readonly string[]): string {
  const alt = names.map((name, i) => `${isIP(name) ? 'IP' : 'DNS'}.${i + 1} = ${name}`);
  return [
    '[req]',
    'distinguished_name = dn',
    'x509_extensions = ext',
    'prompt = no',
    '[dn]',
    `CN = Anjungan ${hostname().replace(/[^\w.-]/g, '')}`,
    'O = Anjungan (self-signed)',
    '[ext]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature',
    'extendedKeyUsage = serverAuth',
    'subjectKeyIdentifier = hash',
    'subjectAltName = @alt',
    '[alt]',
    ...alt,
    '',
  ].join('\n');
}

function describe(cert: string, key: string, certPath: string, created: boolean): TlsMaterial {
  const x509 = new X509Certificate(cert);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  const altNames = (x509.subjectAltName ?? '')
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  return {
    cert,
    key,
    certPath,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    altNames,
    created,
  };
}

/** What an operator does so kiosks trust a self-signed certificate. */
export function trustInstructions(tls: TlsMaterial, url: string): string {
  return [
    `HTTPS dengan sertifikat self-signed: ${tls.certPath}`,
    `  berlaku untuk: ${tls.altNames.join(', ')}`,
    '  Agar perangkat mempercayainya, pilih salah satu:',
    `  1. impor ${tls.certPath} ke trust store OS/Chrome perangkat (Settings › Privacy and security › Security › Manage certificates), lalu buka ${url}/kiosk`,
    '  2. kiosk terkelola: jalankan Chrome dengan',
    `     --ignore-certificate-errors-spki-list=${tls.spkiSha256}`,
    '  Atau pakai sertifikat sendiri: TLS_CERT=/path/cert.pem TLS_KEY=/path/key.pem',
  ].join('\n');
}
