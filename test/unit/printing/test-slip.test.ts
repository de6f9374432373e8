/** The test slip an admin asks for: which device, how it is set up, when — in both languages. */
import { describe, expect, it } from 'vitest';
import { testSlipDocument } from '../../../src/printing/test-slip';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';

/** 2025-11-03 09:05 in Jakarta. */
const AT = Date.UTC(2025, 10, 3, 2, 5, 0);

describe('testSlipDocument', () => {
  it('names the site, the device, its profile and printer, and the time, twice worded', () => {
    const config = kioskBundle();
    const profile = kioskProfile({
      name: 'Anjungan samping',
      printer: { kind: 'escpos', transport: 'usb', paperWidth: 58, autoPrint: true },
    });

    const slip = testSlipDocument(config, { name: 'Anjungan 2' }, profile, AT);
    const text = slip.lines.map((l) => l.text);

    expect(text.slice(0, 2)).toEqual(['CETAK UJI', 'Test print']);
    expect(text).toContain(config.site.name.id);
    expect(text).toContain('Perangkat / Device: Anjungan 2');
    expect(text).toContain('Profil / Profile: Anjungan samping');
    expect(text).toContain('Printer: ESC/POS 58 mm');
    expect(text).toContain('Senin, 3 November 2025, pukul 09.05 WIB');
    expect(text).toContain('Monday, 3 November 2025, 09.05 WIB');
    expect(slip.qr).toBeUndefined();
  });
});
