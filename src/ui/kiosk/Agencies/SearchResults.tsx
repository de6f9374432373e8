/**
 * Search results on the agency screen: the services the query names, straight to their
 * page (a search for "paspor" lists the passport services), and the agencies it names.
 * The agencies come first only when no service is named. Loaded when a citizen starts typing.
 */
import '../../../domain/i18n/strings-rare';
import { useMemo } from 'preact/hooks';
import type { Agency } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { listedServices, searchCatalogue } from '../../../domain/search';
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
  const services = listedServices(hits).filter(({ service }) => service.offeredAt.includes(place));
  const servicesFirst = hits.some((hit) => hit.named > 0);
  const selectService = (serviceId: string) => send({ type: 'service.selected', serviceId });
  const agencyPart = tiles.length > 0 && (
    <section aria-labelledby="kiosk-agency-results">
      <h2 id="kiosk-agency-results" class="section-title">
        {tr('agencies.resultAgencies')}
      </h2>
      <AgencyTiles agencies={tiles} />
    </section>
  );
  return (
    <>
      {!servicesFirst && agencyPart}
      {services.length > 0 && (
        <section aria-labelledby="kiosk-service-results">
          <h2 id="kiosk-service-results" class="section-title">
            {tr('agencies.resultServices')}
          </h2>
          <div class="rows">
            {services.map(({ agency, service }) => (
              <div key={service.id} style={{ '--agency': agency.colour }}>
                <ServiceRow
                  service={service}
                  availability={serviceAvailabilityIn(ctx, service)}
                  context={localized(agency.shortName, lang)}
                  onSelect={selectService}
                />
              </div>
            ))}
          </div>
        </section>
      )}
      {servicesFirst && agencyPart}
      {tiles.length === 0 && services.length === 0 && (
        <p class="lead" role="status">
          {tr('agencies.noResults', { query: query.trim() })}
        </p>
      )}
    </>
  );
}

/** The search field's clear button (64 px and more, like every control): empties the query, keeps the field focused. */
export function SearchClear() {
  const tr = useText();
  const send = useSend();
  return (
    <button
      type="button"
      class="btn search-clear"
      onClick={() => {
        send({ type: 'search.changed', query: '' });
        document.getElementById('kiosk-search')?.focus();
      }}
    >
      <span aria-hidden="true">✕ </span>
      {tr('agencies.clear')}
    </button>
  );
}
