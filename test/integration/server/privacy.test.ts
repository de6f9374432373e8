// @vitest-environment node
/** /privasi: the data controller, its contact and the retention from the site's config, escaped. */
import { describe, expect, it } from 'vitest';
import { kioskBundle } from '../../fixtures/kiosk';
import { startHarness } from './support';

describe('the privacy page', () => {
  it('names the controller and contact from the config, in both languages, escaped', async () => {
    const config = kioskBundle();
    config.site.privacy = {
      controller: 'DPMPTSP <Kota> "Contoh"',
      contact: 'ppdp@kotacontoh.go.id',
      retentionDays: 30,
    };
    const h = await startHarness({ config });
    try {
      const response = await h.app.request('/privasi');
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toContain('text/html');
      expect(html).toContain('DPMPTSP &#60;Kota&#62; &#34;Contoh&#34;');
      expect(html).not.toContain('<Kota>');
      expect(html).toContain('ppdp@kotacontoh.go.id');
      expect(html).toContain('setelah 14 hari');
      expect(html).toContain('dihapus setelah 30 hari');
      expect(html).toContain('deleted after 30 days');
      expect(html).toContain('UU No. 27 Tahun 2022');
      expect(html).toContain('Law No. 27 of 2022');
    } finally {
      await h.store.close();
    }
  });
});
