/**
 * The bootstrap code: while no admin holds a valid token (on the first start, or after
 * every token expired or was revoked: the way back), every start makes a fresh one-time
 * code that creates an admin, stores only its keyed hash and hands it to the operator.
 * There is no default password anywhere (ARCHITECTURE.md §4).
 */
import type { AdminAccess } from '../store/store-access';
import { BOOTSTRAP_CODE_LENGTH, hashCode, newCode } from './secrets';

/**
 * A new bootstrap code when no admin holds a valid token at `now` (the previous code stops
 * working), else null. `key` is the site's secret key (./secret-key.ts).
 */
export async function issueBootstrapCode(
  store: AdminAccess,
  now: number,
  key: Uint8Array,
): Promise<string | null> {
  if (await store.hasActiveAdmin(now)) return null;
  const code = newCode(BOOTSTRAP_CODE_LENGTH);
  await store.setBootstrapCode(hashCode(code, key), now);
  return code;
}

/** The code in a box the operator cannot miss, with what to do with it. */
export function bootstrapBox(code: string, url: string): string {
  const lines = [
    'Belum ada admin. Kode bootstrap sekali pakai (no admin yet; one-time bootstrap code):',
    '',
    `    ${code}`,
    '',
    'Buat admin pertama dengan kode ini (create the first admin with it):',
    `  curl -X POST ${url}/api/v1/bootstrap -H 'Content-Type: application/json' \\`,
    `       -d '{"code":"${code}","name":"Nama Admin"}'`,
    'Kode baru dibuat pada setiap start selama tidak ada admin dengan token yang berlaku.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
}
