/**
 * At the top of a service's page when no number can be taken for it now: why (quota used
 * up, closed with its hours, a holiday, not offered here), what to do instead, and the
 * ways on — print the requirement list, choose another service.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useId } from 'preact/hooks';
import { alternativesFor, serviceHours } from '../../../domain/alternatives';
import { formatHours } from '../../../domain/format';
import type { StringKey } from '../../../domain/i18n/strings';
import { businessDayOf } from '../../../domain/time';
import { currentAgency, currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { serviceAvailabilityIn } from '../availability-view';
import { useKiosk, useSend, useText } from '../runtime';
import { Alternatives } from './Alternatives';

const REASONS = {
  hours: 'detail.closed',
  holiday: 'detail.holiday',
  'not-offered': 'detail.notOffered',
} as const;

/** The bad news of the chosen service, first on its page; nothing while it is open. */
export function Unavailable() {
  const tr = useText();
  const send = useSend();
  const id = useId();
  const ctx = useKiosk((s) => s.context);
  const service = currentService(ctx);
  const agency = currentAgency(ctx);
  if (!service || !agency) return null;
  const availability = serviceAvailabilityIn(ctx, service);
  if (availability.state === 'open') return null;
  const { config, lang } = ctx;
  const now = Date.now();
  const found = alternativesFor({ config, agency, service, availability, now, place: ctx.place });
  const reason: StringKey =
    availability.state === 'quota-exhausted'
      ? 'detail.quotaExhausted'
      : REASONS[availability.reason];
  return (
    <section class="bad-news" aria-labelledby={id}>
      <h2 id={id} class="bad-news-title">
        {tr(reason)}
      </h2>
      {availability.state === 'closed' && availability.reason !== 'not-offered' && (
        <p>
          {tr('detail.hours', {
            hours: formatHours(serviceHours(config, agency, service), lang),
          })}
        </p>
      )}
      <Alternatives
        found={found}
        lang={lang}
        today={businessDayOf(now, config.site.timeZone)}
        timeZone={config.site.timeZone}
      />
      <div class="bad-news-actions">
        {ctx.profile.printer.kind !== 'none' && (
          <Button onClick={() => send({ type: 'requirements.print' })}>
            {tr('instead.print')}
          </Button>
        )}
        <Button onClick={() => send({ type: 'nav.back' })}>{tr('instead.other')}</Button>
      </div>
    </section>
  );
}
