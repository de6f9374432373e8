/**
 * What JavaScript a page fetched, and its size as the site server sends it: the
 * zopfli-gzipped file written at build time (gzip level 9 of the file when none exists).
 * Counted per page request, whether the network or the service worker answered it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT } from './server';

/** The budget of the issue: all JS from opening /kiosk to a ticket on screen. */
export const KIOSK_JS_BUDGET_BYTES = 40 * 1024;

/** Starts recording the script URLs a page requests; call the result to read them. */
export function recordScripts(page: Page): () => string[] {
  const urls = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.add(new URL(request.url()).pathname);
  });
  return () => [...urls].sort();
}

/** gzip bytes of each script as served from dist/app. */
export function gzipBytes(paths: string[]): { path: string; bytes: number }[] {
  return paths.map((path) => {
    const file = join(ROOT, 'dist/app', path);
    if (existsSync(`${file}.gz`)) return { path, bytes: readFileSync(`${file}.gz`).length };
    return { path, bytes: gzipSync(readFileSync(file), { level: 9 }).length };
  });
}
