/**
 * The coming MPP bergerak visits on the attract screen ("MPP bergerak: Kelurahan
 * Sukamaju, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan."): loaded after the screen
 * is up (../lazy-screens.ts), so the first paint carries none of it.
 */
import { businessDayOf } from '../../../domain/time';
import { comingVisits } from '../../../domain/visit-days';
import { visitLine, visitsHeading } from '../../../domain/visits';
import { useKiosk } from '../runtime';

/** At most two coming visits, in the citizen's language; nothing when none is scheduled. */
export function ComingVisits() {
  const lang = useKiosk((s) => s.context.lang);
  const config = useKiosk((s) => s.context.config);
  const today = businessDayOf(Date.now(), config.site.timeZone);
  const visits = comingVisits(config.visits, today, 2);
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
