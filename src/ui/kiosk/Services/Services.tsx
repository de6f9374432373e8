/** "Pilih Layanan": the chosen agency's services offered at this place. */
import { useMemo } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { currentAgency, servicesAt } from '../../../machines/kiosk.selectors';
import { Screen } from '../../components/Screen/Screen';
import { serviceAvailabilityIn } from '../availability-view';
import { useKiosk, useSend, useText } from '../runtime';
import { ServiceRow } from './ServiceRow';

/** The service list of one agency. */
export function Services() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const agency = currentAgency(ctx);
  const services = useMemo(
    () => (agency ? servicesAt(agency, ctx.place) : []),
    [agency, ctx.place],
  );
  return (
    <Screen
      title={tr('services.title')}
      kicker={agency ? localized(agency.name, ctx.lang) : undefined}
    >
      <div class="rows" style={agency ? { '--agency': agency.colour } : undefined}>
        {services.map((service) => (
          <ServiceRow
            key={service.id}
            service={service}
            availability={serviceAvailabilityIn(ctx, service)}
            onSelect={(serviceId) => send({ type: 'service.selected', serviceId })}
          />
        ))}
      </div>
    </Screen>
  );
}
