/**
 * Makes the app's PNG icons (public/icon-192.png, public/icon-512.png) from public/icon.svg
 * in headless Chromium; run once when the SVG changes (`npm run icons`), the PNGs are
 * checked in. PNG, not SVG, in the manifest and as the page's icon: Chromium decodes an SVG
 * icon as a whole isolated document on the page's main thread, ≈ 70–300 ms of a kiosk's
 * cold start at 4× CPU throttle; a small PNG costs a few.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../../..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const svg = readFileSync(join(ROOT, 'public/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(join(ROOT, `public/icon-${size}.png`), png);
    console.info(`public/icon-${size}.png: ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
