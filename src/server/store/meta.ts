/** The store's own key–value facts (epoch, clean-close state, number fence) in `meta`. */
import type { SqlTx } from './sql';

/** Every meta entry, or only those of `keys`. */
export async function readMeta(
  tx: SqlTx,
  keys?: readonly string[],
): Promise<Partial<Record<string, string>>> {
  const rows = await tx.all<{ key: string; value: string }>('SELECT key, value FROM meta');
  const wanted = keys === undefined ? rows : rows.filter((row) => keys.includes(row.key));
  return Object.fromEntries(wanted.map((row) => [row.key, row.value]));
}

/** Sets each entry, inserting or replacing it. */
export async function writeMeta(tx: SqlTx, entries: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await tx.run(
      `INSERT INTO meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }
}
