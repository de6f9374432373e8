/**
 * "Pilih Instansi": a search box, the services offered first, and the agencies — in their
 * groups when the site has them (a tap opens a group: any service is three taps away).
 * With a query, the rest gives way to the search results (their code loads when the
 * citizen starts typing). A hint says when the list goes on below the screen.
 */
import { useMemo } from 'preact/hooks';
import { visibleAgencies } from '../../../machines/kiosk.selectors';
import { Screen } from '../../components/Screen/Screen';
import { ScrollHint } from '../../components/ScrollHint/ScrollHint';
import { SearchResults } from '../lazy-screens';
import { useKiosk, useText } from '../runtime';
import { AgencyTiles } from './AgencyTiles';
import { inTurns, offeredFirst, shownGroups } from './catalogue-view';
import { GroupTiles, OpenGroup } from './Groups';
import { OfferedFirst } from './OfferedFirst';
import { SearchField } from './SearchField';

/** How many services are offered first. */
const OFFERED = 4;

/** The agency screen. */
export function Agencies() {
  const tr = useText();
  const config = useKiosk((s) => s.context.config);
  const profile = useKiosk((s) => s.context.profile);
  const place = useKiosk((s) => s.context.place);
  const query = useKiosk((s) => s.context.query);
  const groupId = useKiosk((s) => s.context.groupId);
  const popular = useKiosk((s) => s.context.popular);
  const agencies = useMemo(
    () => visibleAgencies({ config, profile, place }),
    [config, profile, place],
  );
  const groups = useMemo(() => shownGroups(config.site.agencyGroups, agencies), [config, agencies]);
  const offered = useMemo(
    () => offeredFirst(popular, groups.length > 0 ? inTurns(groups) : agencies, place, OFFERED),
    [popular, groups, agencies, place],
  );
  const open = groups.find((group) => group.id === groupId);
  return (
    <Screen title={tr('agencies.title')}>
      <SearchField query={query} />
      {query.trim() !== '' ? (
        <SearchResults agencies={agencies} />
      ) : open ? (
        <OpenGroup group={open} />
      ) : (
        <>
          <OfferedFirst {...offered} />
          <h2 class="section-title">{tr('agencies.all')}</h2>
          {groups.length > 0 ? <GroupTiles groups={groups} /> : <AgencyTiles agencies={agencies} />}
        </>
      )}
      <ScrollHint label={tr('agencies.more')} />
    </Screen>
  );
}
