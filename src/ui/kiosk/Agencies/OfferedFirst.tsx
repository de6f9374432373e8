/**
 * The services offered first on the agency screen, one tap from their page: today's most
 * asked ("Paling banyak dicari hari ini"), or the main service of each agency.
 */
import { useId, useMemo } from 'preact/hooks';
import type { Agency } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { useKiosk, useSend, useText } from '../runtime';
import { type Offered, offeredFirst } from './catalogue-view';

/** How many services are offered first. */
const OFFERED = 4;

function OfferedButton({ agency, service }: Offered) {
  const id = useId();
  const send = useSend();
  const lang = useKiosk((s) => s.context.lang);
  return (
    <button
      type="button"
      class="row quick"
      style={{ '--agency': agency.colour }}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-agency`}
      onClick={() => send({ type: 'service.selected', serviceId: service.id })}
    >
      <span id={`${id}-name`} class="quick-name">
        {localized(service.name, lang)}
      </span>
      <span id={`${id}-agency`} class="tile-detail">
        {localized(agency.shortName, lang)}
      </span>
    </button>
  );
}

/** A titled row of service buttons; the main ones of `agencies`, in order, until tickets count. */
export function OfferedFirst(props: { agencies: Agency[] }) {
  const tr = useText();
  const popular = useKiosk((s) => s.context.popular);
  const place = useKiosk((s) => s.context.place);
  const { today, services } = useMemo(
    () => offeredFirst(popular, props.agencies, place, OFFERED),
    [popular, props.agencies, place],
  );
  if (services.length === 0) return null;
  return (
    <section class="offered" aria-labelledby="kiosk-offered">
      <h2 id="kiosk-offered" class="section-title">
        {tr(today ? 'agencies.popular' : 'agencies.main')}
      </h2>
      <div class="quicks">
        {services.map((offered) => (
          <OfferedButton key={offered.service.id} {...offered} />
        ))}
      </div>
    </section>
  );
}
