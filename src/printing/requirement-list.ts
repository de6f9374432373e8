/**
 * Lists to take home, off the way to a ticket: the requirements a citizen lacks (printed
 * from the missing screen), and a service's whole requirement list when no number can be
 * taken now (printed from the service's page), each with the phone page in the QR code.
 * Must: pure.
 */

import type { ConfigBundle, Language } from '../domain/config/schema';
import { localized } from '../domain/i18n/local-text';
import '../domain/i18n/strings-rare';
import { t } from '../domain/i18n/strings';
import { findService } from '../machines/kiosk.selectors';
import { center, type PrintDocument, type PrintLine } from './ticket-layout';

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

export type MissingListInput = {
  config: ConfigBundle;
  serviceId: string;
  /** Ids of the requirements the citizen lacks. */
  missing: readonly string[];
  lang: Language;
  /** The phone page with the service and the missing items, put in the QR code. */
  url: string;
};

/** The printed list of missing requirements, to take home. */
export function missingListLayout(input: MissingListInput): PrintDocument {
  const { config, lang } = input;
  const found = findService(config, input.serviceId);
  const lines: PrintLine[] = [
    center(localized(config.site.name, lang), { bold: true }),
    center(t(lang, 'print.missingTitle'), { size: 'large', bold: true }),
  ];
  if (found) {
    const agencyName = localized(found.agency.shortName, lang);
    lines.push(center(`${agencyName} – ${localized(found.service.name, lang)}`));
    for (const id of input.missing) {
      const requirement = found.service.requirements.find((r) => r.id === id);
      lines.push({ text: `• ${requirement ? localized(requirement.label, lang) : id}` });
    }
  }
  lines.push(
    { text: t(lang, 'print.missingHint') },
    center(t(lang, 'missing.qr')),
    center(input.url),
  );
  return { lines, qr: input.url };
}
