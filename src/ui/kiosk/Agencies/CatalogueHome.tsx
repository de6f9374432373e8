/**
 * The agency screen's list for a catalogue of any size, with the rarer screens' code
 * (warmed at the kiosk's first idle moment; the plain grid stands in until then): the
 * services offered first — today's most asked, or the main ones taking turns across the
 * groups — then a tile per agency group, or the open group, or the agencies.
 */
import '../../../domain/i18n/strings-rare';
import { useMemo } from 'preact/hooks';
import type { Agency } from '../../../domain/config/schema';
import { useKiosk, useText } from '../runtime';
import { AgencyTiles } from './AgencyTiles';
import { GroupTiles, OpenGroup } from './Groups';
import { inTurns, shownGroups } from './groups-view';
import { OfferedFirst } from './OfferedFirst';

/** Groups when two or more have agencies here, else the agencies; the services offered first. */
export function CatalogueHome(props: { agencies: Agency[] }) {
  const tr = useText();
  const groupsConfig = useKiosk((s) => s.context.config.site.agencyGroups);
  const groupId = useKiosk((s) => s.context.groupId);
  const groups = useMemo(
    () => shownGroups(groupsConfig, props.agencies),
    [groupsConfig, props.agencies],
  );
  const open = groups.find((group) => group.id === groupId);
  if (open) return <OpenGroup group={open} />;
  return (
    <>
      <OfferedFirst agencies={groups.length > 0 ? inTurns(groups) : props.agencies} />
      <h2 class="section-title">{tr('agencies.all')}</h2>
      {groups.length > 0 ? (
        <GroupTiles groups={groups} />
      ) : (
        <AgencyTiles agencies={props.agencies} />
      )}
    </>
  );
}
