/**
 * Agency groups: a tile per group naming its agencies (a tap opens it), and an open group
 * with its agencies. Back (or "Semua kelompok") returns to the groups.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { useKiosk, useSend, useText } from '../runtime';
import { AgencyTiles } from './AgencyTiles';
import type { ShownGroup } from './groups-view';

function useGroupName(): (group: ShownGroup) => string {
  const tr = useText();
  const lang = useKiosk((s) => s.context.lang);
  return (group) => (group.name ? localized(group.name, lang) : tr('agencies.other'));
}

function GroupTile(props: { group: ShownGroup }) {
  const id = useId();
  const send = useSend();
  const name = useGroupName();
  const lang = useKiosk((s) => s.context.lang);
  const { group } = props;
  return (
    <button
      type="button"
      class="tile group-tile"
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-list`}
      onClick={() => send({ type: 'group.selected', groupId: group.id })}
    >
      <span id={`${id}-name`} class="tile-name">
        {name(group)}
      </span>
      <span id={`${id}-list`} class="tile-detail">
        {group.agencies.map((agency) => localized(agency.shortName, lang)).join(' · ')}
      </span>
    </button>
  );
}

/** A tile per group. */
export function GroupTiles(props: { groups: ShownGroup[] }) {
  return (
    <div class="tiles">
      {props.groups.map((group) => (
        <GroupTile key={group.id} group={group} />
      ))}
    </div>
  );
}

/** An open group: its name (focused when it opens), a way back to the groups, its agencies. */
export function OpenGroup(props: { group: ShownGroup }) {
  const tr = useText();
  const send = useSend();
  const name = useGroupName();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.group.id]);
  return (
    <section class="group" aria-labelledby="kiosk-group">
      <div class="group-top">
        <h2 id="kiosk-group" class="section-title" tabIndex={-1} ref={heading}>
          {name(props.group)}
        </h2>
        <button type="button" class="btn" onClick={() => send({ type: 'nav.back' })}>
          {tr('agencies.allGroups')}
        </button>
      </div>
      <AgencyTiles agencies={props.group.agencies} />
    </section>
  );
}
