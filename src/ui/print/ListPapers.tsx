/**
 * The print area's lists to take home (src/printing/requirement-list.ts): the requirements
 * a citizen lacks, on the missing screen, and a service's whole requirement list, on the
 * page of a service that cannot take a number now. With the rarer screens' chunk.
 */
import { useMemo } from 'preact/hooks';
import { hasStrings } from '../../domain/i18n/strings';
import { checkRequirements } from '../../domain/requirements';
import { currentService } from '../../machines/kiosk.selectors';
import type { KioskContext } from '../../machines/kiosk.types';
import { missingListLayout, requirementListLayout } from '../../printing/requirement-list';
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

/** The ids of the mandatory requirements the citizen lacks. */
export function missingIds(ctx: KioskContext): string[] {
  const service = currentService(ctx);
  return service ? checkRequirements(service, ctx.answers).missingMandatory.map((r) => r.id) : [];
}

/** The missing-list document, or null when no service is chosen. */
export function missingListDocument(ctx: KioskContext, links: KioskLinks): PrintDocument | null {
  if (!ctx.serviceId) return null;
  const missing = missingIds(ctx);
  return missingListLayout({
    config: ctx.config,
    serviceId: ctx.serviceId,
    missing,
    lang: ctx.lang,
    url: links.missingListUrl(ctx.serviceId, missing),
  });
}

/** A list as the print area holds it: the missing requirements, or the whole list. */
export function ListPaper(props: { list: 'missing' | 'requirements' }) {
  const ctx = useKiosk((s) => s.context);
  const links = useLinks();
  const worded = hasStrings(ctx.lang);
  const doc = useMemo(
    () =>
      props.list === 'missing'
        ? missingListDocument(ctx, links)
        : requirementListDocument(ctx, links),
    [props.list, ctx, links, worded],
  );
  return doc && <PrintedDocument doc={doc} />;
}
