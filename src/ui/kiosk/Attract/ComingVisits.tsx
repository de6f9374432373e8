/**
 * The coming MPP bergerak visits on the attract screen ("MPP bergerak: Kelurahan
 * Sukamaju, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan."): rendered by the kiosk's
 * idle duties (src/app/kiosk/idle-duties.ts) once the attract screen stands idle, so a
 * citizen on the way to a ticket loads none of it.
 */
import type { Language, Visit } from '../../../domain/config/schema';
import { comingVisits } from '../../../domain/visit-days';
import { visitLine, visitsHeading } from '../../../domain/visits';

/** At most two coming visits, in `lang`; nothing when none is scheduled. */
export function ComingVisits(props: { visits: readonly Visit[]; today: string; lang: Language }) {
  const { today, lang } = props;
  const visits = comingVisits(props.visits, today, 2);
  if (visits.length === 0) return null;
  return (
    <section class="attract-visits" aria-label={visitsHeading(lang)}>
      <h2>{visitsHeading(lang)}</h2>
      <ul>
        {visits.map((visit) => (
          <li key={visit.id}>{visitLine(visit, today, lang)}</li>
        ))}
      </ul>
    </section>
  );
}
