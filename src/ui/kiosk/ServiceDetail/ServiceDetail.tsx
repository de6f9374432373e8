/**
 * The standar pelayanan of the chosen service, then "Periksa Persyaratan" — or, when the
 * service cannot take a number now, why not (quota used up, closed with its hours, not
 * offered here) instead of the button.
 */
import type { Availability } from '../../../domain/availability';
import type { Agency, Service, Site } from '../../../domain/config/schema';
import { formatHours } from '../../../domain/format';
import { localized } from '../../../domain/i18n/local-text';
import { currentAgency, currentService } from '../../../machines/kiosk.selectors';
import { Badge } from '../../components/Badge/Badge';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { serviceAvailabilityIn } from '../availability-view';
import { useKiosk, useSend, useText } from '../runtime';
import { ServiceParts } from './ServiceParts';

/** The detail screen of one service. */
export function ServiceDetail() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const service = currentService(ctx);
  const agency = currentAgency(ctx);
  if (!service || !agency) return null;
  const availability = serviceAvailabilityIn(ctx, service);
  const actions =
    availability.state === 'open' ? (
      <>
        {availability.remaining !== null && (
          <Badge tone="ok">{tr('availability.remaining', { count: availability.remaining })}</Badge>
        )}
        <Button variant="primary" onClick={() => send({ type: 'requirements.start' })}>
          {tr('detail.start')}
        </Button>
      </>
    ) : (
      <UnavailableNote
        availability={availability}
        site={ctx.config.site}
        agency={agency}
        service={service}
      />
    );
  return (
    <Screen
      title={localized(service.name, ctx.lang)}
      kicker={localized(agency.shortName, ctx.lang)}
      actions={actions}
    >
      {service.description && <p class="lead">{localized(service.description, ctx.lang)}</p>}
      <ServiceParts service={service} agency={agency} lang={ctx.lang} />
    </Screen>
  );
}

type NoteProps = { availability: Availability; site: Site; agency: Agency; service: Service };

function UnavailableNote({ availability, site, agency, service }: NoteProps) {
  const tr = useText();
  const lang = useKiosk((s) => s.context.lang);
  if (availability.state === 'quota-exhausted') {
    return <p class="notice">{tr('detail.quotaExhausted')}</p>;
  }
  if (availability.state === 'closed' && availability.reason === 'not-offered') {
    return <p class="notice">{tr('detail.notOffered')}</p>;
  }
  const hours = service.openingHours ?? agency.openingHours ?? site.openingHours;
  const closed = availability.state === 'closed' && availability.reason === 'holiday';
  return (
    <div class="notice">
      <p>{tr(closed ? 'detail.holiday' : 'detail.closed')}</p>
      <p>{tr('detail.hours', { hours: formatHours(hours, lang) })}</p>
    </div>
  );
}
