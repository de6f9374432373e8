/**
 * Search results on the agency screen: matching agencies first, then matching services
 * of other agencies, straight to their detail. Loaded when a citizen starts typing.
 */
import { useMemo } from 'preact/hooks';
import type { Agency } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { searchCatalogue } from '../../../domain/search';
import { serviceAvailabilityIn } from '../availability-view';
import { useKiosk, useSend, useText } from '../runtime';
import { ServiceRow } from '../Services/ServiceRow';
import { AgencyTiles } from './AgencyTiles';

/** What matches the query among the kiosk's agencies. */
export function SearchResults(props: { agencies: Agency[] }) {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const { place, query, lang } = ctx;
  const hits = useMemo(() => searchCatalogue(props.agencies, query), [props.agencies, query]);
  const tiles = hits.filter((hit) => hit.matchedAgency).map((hit) => hit.agency);
  const services = hits
    .filter((hit) => !hit.matchedAgency)
    .flatMap((hit) => hit.services.filter((s) => s.offeredAt.includes(place)));
  const agencyOf = new Map(
    hits.flatMap((hit) => hit.services.map((s) => [s.id, hit.agency] as const)),
  );
  const selectService = (serviceId: string) => send({ type: 'service.selected', serviceId });
  return (
    <>
      {tiles.length > 0 && <h2 class="section-title">{tr('agencies.resultAgencies')}</h2>}
      <AgencyTiles agencies={tiles} />
      {services.length > 0 && (
        <section aria-labelledby="kiosk-service-results">
          <h2 id="kiosk-service-results" class="section-title">
            {tr('agencies.resultServices')}
          </h2>
          <div class="rows">
            {services.map((service) => {
              const agency = agencyOf.get(service.id);
              return (
                <ServiceRow
                  key={service.id}
                  service={service}
                  availability={serviceAvailabilityIn(ctx, service)}
                  context={agency ? localized(agency.shortName, lang) : undefined}
                  onSelect={selectService}
                />
              );
            })}
          </div>
        </section>
      )}
      {tiles.length === 0 && services.length === 0 && (
        <p class="lead" role="status">
          {tr('agencies.noResults', { query: query.trim() })}
        </p>
      )}
    </>
  );
}
