/**
 * "Pilih Instansi": a search box and the agency grid. With a query, matching agencies
 * come first and matching services of other agencies below, straight to their detail.
 */
import { useMemo } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { searchCatalogue } from '../../../domain/search';
import { visibleAgencies } from '../../../machines/kiosk.selectors';
import { Screen } from '../../components/Screen/Screen';
import { agencyAvailabilityIn, serviceAvailabilityIn } from '../availability-view';
import { useKiosk, useSend, useText } from '../runtime';
import { ServiceRow } from '../Services/ServiceRow';
import { AgencyTile } from './AgencyTile';

/** The agency grid with search. */
export function Agencies() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const { config, profile, place, query, lang } = ctx;
  const agencies = useMemo(
    () => visibleAgencies({ config, profile, place }),
    [config, profile, place],
  );
  const hits = useMemo(() => searchCatalogue(agencies, query), [agencies, query]);
  const searching = query.trim() !== '';
  const tiles = hits.filter((hit) => hit.matchedAgency).map((hit) => hit.agency);
  const services = searching
    ? hits
        .filter((hit) => !hit.matchedAgency)
        .flatMap((hit) => hit.services.filter((s) => s.offeredAt.includes(place)))
    : [];
  const agencyOf = new Map(
    hits.flatMap((hit) => hit.services.map((s) => [s.id, hit.agency] as const)),
  );
  const selectAgency = (agencyId: string) => send({ type: 'agency.selected', agencyId });
  const selectService = (serviceId: string) => send({ type: 'service.selected', serviceId });
  return (
    <Screen title={tr('agencies.title')}>
      <div class="search">
        <label for="kiosk-search" class="search-label">
          {tr('agencies.search')}
        </label>
        <input
          id="kiosk-search"
          class="search-input"
          type="search"
          autocomplete="off"
          value={query}
          onInput={(e) => send({ type: 'search.changed', query: e.currentTarget.value })}
        />
      </div>
      {searching && tiles.length > 0 && (
        <h2 class="section-title">{tr('agencies.resultAgencies')}</h2>
      )}
      <div class="tiles">
        {tiles.map((agency) => (
          <AgencyTile
            key={agency.id}
            agency={agency}
            lang={lang}
            availability={agencyAvailabilityIn(ctx, agency, place)}
            onSelect={selectAgency}
          />
        ))}
      </div>
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
      {searching && tiles.length === 0 && services.length === 0 && (
        <p class="lead" role="status">
          {tr('agencies.noResults', { query: query.trim() })}
        </p>
      )}
    </Screen>
  );
}
