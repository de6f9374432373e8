/**
 * "Yang dapat Anda lakukan": another time, the next MPP bergerak visit that carries the
 * service, its online channels (src/domain/alternatives.ts) — for a service page that
 * cannot take a number and for a quota found spent while issuing.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Alternatives as Found } from '../../../domain/alternatives';
import type { Language, OnlineChannel } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { t } from '../../../domain/i18n/strings';
import { type TimeZone, tzAbbreviation } from '../../../domain/time';
import { calendarDay, visitLine } from '../../../domain/visits';

type Props = {
  found: Found;
  lang: Language;
  today: string;
  timeZone: TimeZone;
  /** Lines before the found ones (the MPP itself, for a mobile unit). */
  children?: ComponentChildren;
};

/** The alternatives as a titled list; nothing when there is none. */
export function Alternatives({ found, lang, today, timeZone, children }: Props) {
  const id = useId();
  const { opening, visit, online } = found;
  if (!opening && !visit && online.length === 0 && !children) return null;
  return (
    <section class="instead" aria-labelledby={id}>
      <h2 id={id}>{t(lang, 'instead.title')}</h2>
      <ul>
        {children}
        {opening && (
          <li>
            {t(lang, opening.today ? 'instead.today' : 'instead.later', {
              day: calendarDay(opening.day, lang),
              from: opening.from.replace(':', '.'),
              to: opening.to.replace(':', '.'),
              tz: tzAbbreviation(timeZone),
            })}
          </li>
        )}
        {visit && (
          <li>
            {t(lang, 'instead.visit')} <strong>{visitLine(visit, today, lang)}</strong>
          </li>
        )}
        {online.length > 0 && (
          <li>
            {t(lang, 'instead.online')}
            <ul>
              {online.map((channel) => (
                <li key={`${channel.kind}:${channel.address}`}>
                  <strong>{channelLine(channel, lang)}</strong>
                  {channel.note && <span class="note"> — {localized(channel.note, lang)}</span>}
                </li>
              ))}
            </ul>
          </li>
        )}
      </ul>
    </section>
  );
}

/** "Aplikasi M-Paspor: Google Play, App Store", "PANDAWA: WhatsApp 0811-…". */
function channelLine(channel: OnlineChannel, lang: Language): string {
  return t(lang, `instead.${channel.kind}`, {
    name: localized(channel.name, lang),
    address: channel.address,
  });
}
