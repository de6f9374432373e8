/**
 * An agency tile. Its accessible name is exactly the short name (aria-labelledby), so the
 * prefix letter and the availability badge inside it only describe it.
 */
import { useId } from 'preact/hooks';
import type { Availability } from '../../../domain/availability';
import type { Agency, Language } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { Badge } from '../../components/Badge/Badge';
import { availabilityBadge } from '../availability-view';

type AgencyTileProps = {
  agency: Agency;
  availability: Availability;
  lang: Language;
  onSelect: (agencyId: string) => void;
};

/** A button named by the agency's short name, striped in the agency's colour. */
export function AgencyTile({ agency, availability, lang, onSelect }: AgencyTileProps) {
  const id = useId();
  const badge = availabilityBadge(availability, lang, false);
  const shortName = localized(agency.shortName, lang);
  const fullName = localized(agency.name, lang);
  const described = [fullName !== shortName && `${id}-full`, badge && `${id}-badge`]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      class="tile"
      style={{ '--agency': agency.colour }}
      aria-labelledby={`${id}-name`}
      aria-describedby={described || undefined}
      onClick={() => onSelect(agency.id)}
    >
      <span class="tile-prefix" aria-hidden="true">
        {agency.prefix}
      </span>
      <span id={`${id}-name`} class="tile-name">
        {shortName}
      </span>
      {fullName !== shortName && (
        <span id={`${id}-full`} class="tile-detail">
          {fullName}
        </span>
      )}
      {badge && (
        <Badge id={`${id}-badge`} tone={badge.tone}>
          {badge.text}
        </Badge>
      )}
    </button>
  );
}
