/**
 * The test slip an admin asks a device to print (src/app/device-orders.ts): the site, the
 * device, its profile, its printer and the time, in Indonesian and English, so whoever
 * stands at the printer sees which device printed and how it is set up.
 * Must: pure — the instant is passed in; no personal data.
 */
import type { ConfigBundle, Profile } from '../domain/config/schema';
import { formatClock, formatDate } from '../domain/format';
import type { PrintDocument } from './ticket-layout';

/** The test slip of `device` running `profile`, printed at `at`. */
export function testSlipDocument(
  config: ConfigBundle,
  device: { name: string },
  profile: Profile,
  at: number,
): PrintDocument {
  const { kind, paperWidth } = profile.printer;
  const zone = config.site.timeZone;
  const printer = `${kind === 'escpos' ? 'ESC/POS' : 'browser'} ${paperWidth} mm`;
  return {
    lines: [
      { text: 'CETAK UJI', size: 'large', align: 'center', bold: true },
      { text: 'Test print', align: 'center' },
      { text: config.site.name.id, align: 'center', bold: true },
      { text: `Perangkat / Device: ${device.name}` },
      { text: `Profil / Profile: ${profile.name}` },
      { text: `Printer: ${printer}` },
      { text: `${formatDate(at, zone, 'id')}, pukul ${formatClock(at, zone)}` },
      { text: `${formatDate(at, zone, 'en')}, ${formatClock(at, zone)}` },
      { text: 'Jika slip ini terbaca, printer siap.', align: 'center' },
      { text: 'If this slip reads well, the printer is ready.', align: 'center' },
    ],
  };
}
