/**
 * Under the attract screen's "… sedang tutup": when it opens again (later today or the
 * next open day), its weekly hours, and what a citizen can still do now.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { nextOpening } from '../../../domain/alternatives';
import { formatHours } from '../../../domain/format';
import { tzAbbreviation } from '../../../domain/time';
import { calendarDay } from '../../../domain/visits';
import { useKiosk, useText } from '../runtime';

/** The site's next opening and what can be done meanwhile. */
export function ClosedNotice() {
  const tr = useText();
  const lang = useKiosk((s) => s.context.lang);
  const site = useKiosk((s) => s.context.config.site);
  const opening = nextOpening(site.openingHours, Date.now(), site.timeZone, site.holidays);
  return (
    <div class="closed-notice">
      {opening && (
        <p class="closed-next">
          {tr(opening.today ? 'closed.today' : 'closed.later', {
            day: calendarDay(opening.day, lang),
            from: opening.from.replace(':', '.'),
            to: opening.to.replace(':', '.'),
            tz: tzAbbreviation(site.timeZone),
          })}
        </p>
      )}
      <p class="note">{tr('closed.hours', { hours: formatHours(site.openingHours, lang) })}</p>
      <p>{tr('closed.can')}</p>
      <ul>
        <li>{tr('closed.read')}</li>
        <li>{tr('closed.print')}</li>
      </ul>
    </div>
  );
}
