/**
 * On an MPP bergerak unit's attract screen, the staff's way to their side of the one device:
 * /mobile (preparation, report, the counter), behind the staff PIN once the unit holds
 * staff. Small and in a corner: the citizen's way is the rest of the screen. Rendered with
 * the coming visits by the kiosk's idle duties (src/app/kiosk/attract-visits.ts).
 */
import type { Language } from '../../../domain/config/schema';

const WORDS = { id: 'Petugas', en: 'Staff' } as const;

export function StaffDoor({ lang }: { lang: Language }) {
  return (
    <a
      class="btn btn--secondary attract-staff"
      href="/mobile"
      // The attract screen starts a session on any touch; this one leaves for /mobile.
      onClick={(event) => event.stopPropagation()}
    >
      {WORDS[lang]}
    </a>
  );
}
