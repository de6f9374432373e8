/**
 * "Pilih Instansi": a search box and the agency grid. With a query, the grid gives way
 * to the search results (their code loads when the citizen starts typing).
 */
import { useMemo } from 'preact/hooks';
import { visibleAgencies } from '../../../machines/kiosk.selectors';
import { Screen } from '../../components/Screen/Screen';
import { SearchResults } from '../lazy-screens';
import { useKiosk, useSend, useText } from '../runtime';
import { AgencyTiles } from './AgencyTiles';

/** The agency grid with search. */
export function Agencies() {
  const tr = useText();
  const send = useSend();
  const config = useKiosk((s) => s.context.config);
  const profile = useKiosk((s) => s.context.profile);
  const place = useKiosk((s) => s.context.place);
  const query = useKiosk((s) => s.context.query);
  const agencies = useMemo(
    () => visibleAgencies({ config, profile, place }),
    [config, profile, place],
  );
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
          onFocus={() => void SearchResults.preload()}
          onInput={(e) => send({ type: 'search.changed', query: e.currentTarget.value })}
        />
      </div>
      {query.trim() === '' ? (
        <AgencyTiles agencies={agencies} />
      ) : (
        <SearchResults agencies={agencies} />
      )}
    </Screen>
  );
}
