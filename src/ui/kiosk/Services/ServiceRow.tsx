/**
 * A service as a row button, named by the service's name; duration, cost and the
 * availability badge describe it, so the citizen sees "Kuota habis" before investing time.
 */
import { useId } from 'preact/hooks';
import type { Availability } from '../../../domain/availability';
import type { Service } from '../../../domain/config/schema';
import { formatCost } from '../../../domain/format';
import { localized } from '../../../domain/i18n/local-text';
import { Badge } from '../../components/Badge/Badge';
import { availabilityBadge } from '../availability-view';
import { useKiosk, useText } from '../runtime';

type ServiceRowProps = {
  service: Service;
  availability: Availability;
  onSelect: (serviceId: string) => void;
  /** Extra line above the details, e.g. the agency in search results. */
  context?: string;
};

/** One service button. */
export function ServiceRow({ service, availability, onSelect, context }: ServiceRowProps) {
  const id = useId();
  const tr = useText();
  const lang = useKiosk((s) => s.context.lang);
  const badge = availabilityBadge(availability, lang, true);
  const cost = formatCost(service.cost, lang).lines.join(', ');
  return (
    <button
      type="button"
      class="row"
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-meta${badge ? ` ${id}-badge` : ''}`}
      onClick={() => onSelect(service.id)}
    >
      <span id={`${id}-name`} class="row-name">
        {localized(service.name, lang)}
      </span>
      <span id={`${id}-meta`} class="row-meta">
        {context !== undefined && <span class="row-context">{context}</span>}
        <span>{tr('services.duration', { value: localized(service.duration, lang) })}</span>
        <span>{tr('services.cost', { value: cost })}</span>
      </span>
      {badge && (
        <Badge id={`${id}-badge`} tone={badge.tone}>
          {badge.text}
        </Badge>
      )}
    </button>
  );
}
