/**
 * The print area's paper on the page of a service that cannot take a number now: its whole
 * requirement list (src/printing/requirement-list.ts). With the rarer screens' chunk.
 */
import { useMemo } from 'preact/hooks';
import { hasStrings } from '../../domain/i18n/strings';
import type { KioskContext } from '../../machines/kiosk.types';
import { requirementListLayout } from '../../printing/requirement-list';
import type { PrintDocument } from '../../printing/ticket-layout';
import type { KioskLinks } from '../kiosk/links';
import { useKiosk, useLinks } from '../kiosk/runtime';
import { PrintedDocument } from './PrintArea';

/** The chosen service's whole requirement list, or null when none is chosen. */
export function requirementListDocument(
  ctx: KioskContext,
  links: KioskLinks,
): PrintDocument | null {
  if (!ctx.serviceId) return null;
  return requirementListLayout({
    config: ctx.config,
    serviceId: ctx.serviceId,
    lang: ctx.lang,
    url: links.missingListUrl(ctx.serviceId, []),
  });
}

/** The requirement list as the print area holds it. */
export function RequirementListPaper() {
  const ctx = useKiosk((s) => s.context);
  const links = useLinks();
  const worded = hasStrings(ctx.lang);
  const doc = useMemo(() => requirementListDocument(ctx, links), [ctx, links, worded]);
  return doc && <PrintedDocument doc={doc} />;
}
