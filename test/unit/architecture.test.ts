/**
 * The dependency rule of ARCHITECTURE.md §2, enforced: each folder of src/ may import
 * only the folders its arrows allow (domain ← machines ← {storage, sync, printing} ← ui ←
 * app; domain ← server; domain ← sw).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  machines: ['machines', 'domain'],
  storage: ['storage', 'domain', 'machines'],
  sync: ['sync', 'storage', 'domain', 'machines'],
  printing: ['printing', 'domain', 'machines'],
  replica: ['replica', 'storage', 'domain', 'machines'],
  ui: ['ui', 'printing', 'domain', 'machines'],
  app: ['app', 'ui', 'replica', 'sync', 'storage', 'printing', 'domain', 'machines'],
  sw: ['sw', 'domain'],
  server: ['server', 'domain'],
};

/** Packages a folder may not import, whatever the arrows say. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  domain: /^(preact|idb|xstate|hono|@hono|pg|better-sqlite3|node:|workbox)/,
  machines: /^(preact|idb|hono|@hono|pg|better-sqlite3|node:|workbox)/,
  ui: /^(idb|hono|@hono|pg|better-sqlite3|node:|workbox)/,
  server: /^(preact|idb|xstate|workbox)/,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter(Boolean);
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const folder = relative(SRC, file).split('/')[0] ?? '';
    const allowed = ALLOWED[folder];
    if (!allowed) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0] ?? '';
        if (!allowed.includes(target)) found.push(`${relative(SRC, file)} → ${spec}`);
      } else if (FORBIDDEN_PACKAGES[folder]?.test(spec)) {
        found.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
  }
  return found;
}

describe('source layout', () => {
  it('imports only along the allowed arrows', () => {
    expect(violations()).toEqual([]);
  });

  it('reads spreadsheets (exceljs) on the server only, never in a browser bundle', () => {
    const found = sourceFiles(SRC).filter(
      (file) =>
        !relative(SRC, file).startsWith('server/') &&
        importsOf(file).some((spec) => /^(exceljs|jszip)(\/|$)/.test(spec)),
    );
    expect(found).toEqual([]);
  });

  it('knows every folder under src', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });
});
