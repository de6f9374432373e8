/**
 * "Pilih Instansi": a search box, the services offered first, and the agencies — in their
 * groups when the site has them (./CatalogueHome.tsx: a tap opens a group, so any service
 * is three taps away). With a query, the rest gives way to the search results (their code
 * loads when the citizen starts typing). A hint says when the list goes on below (kiosk.css).
 */
import { useMemo } from 'preact/hooks';
import { visibleAgencies } from '../../../machines/kiosk.selectors';
import { Screen } from '../../components/Screen/Screen';
import { CatalogueHome, SearchResults } from '../lazy-screens';
import { useKiosk, useText } from '../runtime';
import { AgencyTiles } from './AgencyTiles';
import { SearchField } from './SearchField';

/** The agency screen. */
export function Agencies() {
  const tr = useText();
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
      <SearchField query={query} />
      {query.trim() !== '' ? (
        <SearchResults agencies={agencies} />
      ) : (
        <CatalogueHome agencies={agencies} fallback={<AgencyTiles agencies={agencies} />} />
      )}
      {/* Shown by the style sheet alone while the page goes on below the screen. */}
      <p class="scroll-hint">{tr('agencies.more')}</p>
    </Screen>
  );
}
