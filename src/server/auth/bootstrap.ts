/**
 * The first admin: while none exists, every start makes a fresh one-time bootstrap code,
 * stores only its hash and prints it for the operator at the server's console. There is
 * no default password anywhere (ARCHITECTURE.md §4).
 */
import type { Store } from '../store/store';
import { BOOTSTRAP_CODE_LENGTH, hashCode, newCode } from './secrets';

/** A new bootstrap code when no admin exists yet (the previous one stops working), else null. */
export async function issueBootstrapCode(store: Store, now: number): Promise<string | null> {
  if (await store.hasAdmin()) return null;
  const code = newCode(BOOTSTRAP_CODE_LENGTH);
  await store.setBootstrapCode(hashCode(code), now);
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
    'Kode baru dibuat pada setiap start sampai admin pertama ada.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
}
