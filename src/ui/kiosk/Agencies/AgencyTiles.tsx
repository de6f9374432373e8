/** A grid of agency tiles with their availability. */
import type { Agency } from '../../../domain/config/schema';
import { agencyAvailabilityIn } from '../availability-view';
import { useKiosk, useSend } from '../runtime';
import { AgencyTile } from './AgencyTile';

/** Tiles for `agencies`, in order; a tap opens the agency's services. */
export function AgencyTiles(props: { agencies: Agency[] }) {
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const selectAgency = (agencyId: string) => send({ type: 'agency.selected', agencyId });
  return (
    <div class="tiles">
      {props.agencies.map((agency) => (
        <AgencyTile
          key={agency.id}
          agency={agency}
          lang={ctx.lang}
          availability={agencyAvailabilityIn(ctx, agency, ctx.place)}
          onSelect={selectAgency}
        />
      ))}
    </div>
  );
}
