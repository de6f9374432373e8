/**
 * A service's whole requirement list on paper, to take home when no number can be taken
 * now (printed from the service's page): each requirement with Wajib/Tidak wajib, its
 * alternatives, and the service's phone page in the QR code. Off the way to a ticket.
 * Must: pure.
 */
import { localized } from '../domain/i18n/local-text';
import { t } from '../domain/i18n/strings';
import { findService } from '../machines/kiosk.selectors';
import { center, type MissingListInput, type PrintDocument, type PrintLine } from './ticket-layout';

/** The printed requirement list of `serviceId`. */
export function requirementListLayout(input: Omit<MissingListInput, 'missing'>): PrintDocument {
  const { config, lang } = input;
  const found = findService(config, input.serviceId);
  const lines: PrintLine[] = [center(localized(config.site.name, lang), { bold: true })];
  if (found) {
    lines.push(
      center(localized(found.service.name, lang), { size: 'large', bold: true }),
      center(localized(found.agency.shortName, lang)),
      { text: t(lang, 'detail.requirements'), bold: true },
    );
    for (const r of found.service.requirements) {
      const mark = t(lang, r.mandatory ? 'detail.mandatory' : 'detail.optional');
      lines.push({ text: `• ${localized(r.label, lang)} (${mark})` });
      for (const option of r.anyOf ?? []) {
        lines.push({ text: `  – ${localized(option.label, lang)}` });
      }
    }
  }
  lines.push(center(t(lang, 'missing.qr')), center(input.url));
  return { lines, qr: input.url };
}
