/**
 * What a citizen can do when a number cannot be taken now (closed, a holiday, the quota
 * used up, not offered here): come at the next opening, go to the next MPP bergerak visit
 * that carries the service, or use the service's online channels.
 * Must: pure — the instant is passed in.
 */
import type { Availability, Place } from './availability';
import type {
  Agency,
  ConfigBundle,
  OnlineChannel,
  OpeningHours,
  Service,
  Visit,
} from './config/schema';
import { addDays } from './lease-days';
import { localClock, nextOpenDay, type TimeZone, weekdayOfDay } from './time';
import { comingVisits } from './visit-days';

/** An opening interval of a day: `today` when it is later on the day of `now`. */
export type Opening = { day: string; from: string; to: string; today: boolean };

/** The earliest interval of `day` starting after `after` ('HH:MM'), if any. */
function firstInterval(hours: OpeningHours, day: string, after = ''): Opening | null {
  const weekday = weekdayOfDay(day);
  const rules = hours
    .filter((rule) => rule.days.includes(weekday) && rule.from > after)
    .sort((a, b) => a.from.localeCompare(b.from));
  const rule = rules[0];
  return rule ? { day, from: rule.from, to: rule.to, today: false } : null;
}

/**
 * When `hours` next open after `now`: later today (unless `notToday`, or today is a
 * holiday), else on the first open day within two weeks; null when none is.
 */
export function nextOpening(
  hours: OpeningHours,
  now: number,
  timeZone: TimeZone,
  holidays: readonly string[] = [],
  notToday = false,
): Opening | null {
  const clock = localClock(now, timeZone);
  if (!notToday && !holidays.includes(clock.day)) {
    const later = firstInterval(hours, clock.day, clock.hhmm);
    if (later) return { ...later, today: true };
  }
  const day = nextOpenDay(clock.day, hours, holidays);
  return day === null ? null : firstInterval(hours, day);
}

/** The hours a service keeps: its own, else its agency's, else the site's. */
export function serviceHours(config: ConfigBundle, agency: Agency, service: Service): OpeningHours {
  return service.openingHours ?? agency.openingHours ?? config.site.openingHours;
}

/** The service's online channels, else its agency's; none when neither names any. */
export function onlineChannelsOf(agency: Agency, service: Service): readonly OnlineChannel[] {
  return service.onlineChannels ?? agency.onlineChannels ?? [];
}

/** The first coming visit (not over by `from`) that carries the service. */
export function nextVisitWith(
  visits: readonly Visit[],
  serviceId: string,
  from: string,
): Visit | undefined {
  return comingVisits(visits, from, visits.length).find((visit) =>
    visit.services.some((s) => s.service === serviceId),
  );
}

export type Alternatives = {
  /** The service's next opening here; null when it is not offered here or none is near. */
  opening: Opening | null;
  visit: Visit | undefined;
  online: readonly OnlineChannel[];
};

/**
 * The alternatives to a service that cannot take a number now. A spent quota sends to
 * another day; a mobile unit's own visit (whose quota it is) is not its alternative.
 */
export function alternativesFor(input: {
  config: ConfigBundle;
  agency: Agency;
  service: Service;
  availability: Availability;
  now: number;
  place: Place;
}): Alternatives {
  const { config, agency, service, availability, now } = input;
  const { timeZone, holidays } = config.site;
  const today = localClock(now, timeZone).day;
  const notHere = availability.state === 'closed' && availability.reason === 'not-offered';
  const quota = availability.state === 'quota-exhausted';
  const opening = notHere
    ? null
    : nextOpening(serviceHours(config, agency, service), now, timeZone, holidays, quota);
  const from = input.place === 'mobile' ? addDays(today, 1) : today;
  return {
    opening,
    visit: nextVisitWith(config.visits, service.id, from),
    online: onlineChannelsOf(agency, service),
  };
}
