import { AxeBuilder } from '@axe-core/playwright';
import { it } from 'vitest';
import { launchBrowser } from './support/browser';
import { instrument, setUpDevice } from './support/kiosk-page';
import { alwaysOpenSample } from './support/sample-config';
import { startServer, writeConfigDir } from './support/server';

it('debug', async () => {
  const server = await startServer({ configDir: writeConfigDir(alwaysOpenSample()) });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await instrument(context);
  const page = await context.newPage();
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(`${server.url}/kiosk`);
  await setUpDevice(page, {
    name: 'x',
    profile: 'Anjungan lobi samping (printer 58 mm, 8 instansi)',
    slot: 1,
  });
  await page.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await new AxeBuilder({ page }).analyze();
  await page.getByLabel('Cari instansi atau layanan…').fill('e-KTP');
  await page.waitForTimeout(2000);
  console.log((await page.locator('main').innerText()).slice(0, 300));
  console.log(
    await page
      .locator('main')
      .innerHTML()
      .then((s) => s.slice(0, 600)),
  );
  await browser.close();
  await server.stop();
}, 60000);
