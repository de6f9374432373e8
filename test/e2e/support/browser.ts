/**
 * Debian's Chromium driven by playwright-core. With CI=true a missing Chromium fails the
 * run; on a plain machine the browser tests skip with a message naming the package.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when the browser tests can run here; throws on CI without Chromium. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install Debian's package "chromium" (apt-get install chromium).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n*** BROWSER TESTS SKIPPED *** ${message}\n`);
  return false;
}

/** A fresh headless browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A browser with a profile on disk, to test a kiosk that is switched off and on. */
export function launchProfile(
  profileDir: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1080, height: 1920 },
  });
}

/** A new empty directory for a browser profile. */
export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'anjungan-profile-'));
}
