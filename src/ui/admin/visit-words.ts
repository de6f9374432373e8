/** How the admin's visit screens say a visit's days, and which services a unit can carry. */
import type { ConfigBundle, Visit } from '../../domain/config/schema';
import { lastDay } from '../../domain/visit-days';
import { calendarDay } from '../../domain/visits';
import type { AdminLanguage } from './text';
import { vt } from './visits-text';

export type Words = {
  lang: AdminLanguage;
  today: string;
};

/** "Kamis 10 Desember", with the year when it is not this year's. */
export function dayText(day: string, { lang, today }: Words): string {
  const year = day.slice(0, 4);
  const text = calendarDay(day, lang);
  return year === today.slice(0, 4) ? text : `${text} ${year}`;
}

/** "Kamis 10 Desember", or "Rabu 16 Desember sampai Kamis 17 Desember". */
export function daysText(first: string, last: string, words: Words): string {
  if (first === last) return dayText(first, words);
  return vt(words.lang, 'dayRange', {
    first: dayText(first, words),
    last: dayText(last, words),
  });
}

export const visitDaysText = (visit: Visit, words: Words) =>
  daysText(visit.date, lastDay(visit), words);

/** The services a mobile unit can carry, in the config's order. */
export function mobileServices(config: ConfigBundle): string[] {
  return config.agencies.flatMap((agency) =>
    agency.services.filter((s) => s.offeredAt.includes('mobile')).map((s) => s.id),
  );
}
