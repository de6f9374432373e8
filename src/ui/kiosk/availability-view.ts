/**
 * Availability as the kiosk shows it: per service from the context (pushed by the
 * composition root), per agency combined from its services, and the badge text.
 */
import type { Availability } from '../../domain/availability';
import type { Agency, Language, Service } from '../../domain/config/schema';
import { t } from '../../domain/i18n/strings';
import { availabilityOf, servicesAt } from '../../machines/kiosk.selectors';
import type { KioskContext, Place } from '../../machines/kiosk.types';
import type { BadgeTone } from '../components/Badge/Badge';

/** A service's availability; a service marked unavailable in config is never open. */
export function serviceAvailabilityIn(ctx: KioskContext, service: Service): Availability {
  if (service.available === false) return { state: 'closed', reason: 'not-offered' };
  return availabilityOf(ctx, service.id);
}

const rank = (a: Availability): number =>
  a.state === 'open'
    ? 5
    : a.state === 'quota-exhausted'
      ? 4
      : { hours: 3, holiday: 2, 'not-offered': 1 }[a.reason];

/**
 * An agency tile: open when any service here is open (remaining summed, null when any
 * has no quota); otherwise the most telling reason: quota > hours > holiday > not offered.
 */
export function agencyAvailabilityIn(
  ctx: KioskContext,
  agency: Agency,
  place: Place,
): Availability {
  const states = servicesAt(agency, place).map((s) => serviceAvailabilityIn(ctx, s));
  const open = states.flatMap((a) => (a.state === 'open' ? [a] : []));
  if (open.length > 0) {
    const unlimited = open.some((a) => a.remaining === null);
    return {
      state: 'open',
      remaining: unlimited ? null : open.reduce((sum, a) => sum + (a.remaining ?? 0), 0),
    };
  }
  return states.reduce<Availability>((best, a) => (rank(a) > rank(best) ? a : best), {
    state: 'closed',
    reason: 'not-offered',
  });
}

/** The badge for an availability, or null when there is nothing to say. */
export function availabilityBadge(
  a: Availability,
  lang: Language,
  showRemaining: boolean,
): { text: string; tone: BadgeTone } | null {
  if (a.state === 'quota-exhausted') {
    return { text: t(lang, 'availability.quotaExhausted'), tone: 'danger' };
  }
  if (a.state === 'closed') {
    return a.reason === 'not-offered'
      ? { text: t(lang, 'availability.notOffered'), tone: 'warn' }
      : { text: t(lang, 'availability.closed'), tone: 'warn' };
  }
  if (showRemaining && a.remaining !== null) {
    return { text: t(lang, 'availability.remaining', { count: a.remaining }), tone: 'ok' };
  }
  return null;
}

/**
 * The MPP is closed now: no service can take a number or has merely used up its quota, and
 * one at least is closed by the hours or a holiday (not merely not offered here). Never on
 * a mobile unit, which keeps its visit's hours, not the MPP's.
 */
export function closedNow(ctx: KioskContext): boolean {
  if (ctx.place === 'mobile') return false;
  let closed = false;
  for (const a of Object.values(ctx.availability)) {
    if (a.state !== 'closed') return false;
    closed ||= a.reason !== 'not-offered';
  }
  return closed;
}
