/**
 * The standar pelayanan of the chosen service, then "Periksa Persyaratan" — or, when the
 * service cannot take a number now, why not and what to do instead, first on the page
 * (../Unavailable/Unavailable.tsx), and no button.
 */
import { localized } from '../../../domain/i18n/local-text';
import { currentAgency, currentService } from '../../../machines/kiosk.selectors';
import { Badge } from '../../components/Badge/Badge';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { serviceAvailabilityIn } from '../availability-view';
import { Unavailable } from '../lazy-screens';
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
  const open = availability.state === 'open';
  return (
    <Screen
      title={localized(service.name, ctx.lang)}
      kicker={localized(agency.shortName, ctx.lang)}
      actions={
        open ? (
          <>
            {availability.remaining !== null && (
              <Badge tone="ok">
                {tr('availability.remaining', { count: availability.remaining })}
              </Badge>
            )}
            <Button variant="primary" onClick={() => send({ type: 'requirements.start' })}>
              {tr('detail.start')}
            </Button>
          </>
        ) : undefined
      }
    >
      {!open && <Unavailable />}
      {service.description && <p class="lead">{localized(service.description, ctx.lang)}</p>}
      <ServiceParts service={service} agency={agency} lang={ctx.lang} />
    </Screen>
  );
}
