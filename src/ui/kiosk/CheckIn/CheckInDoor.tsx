/**
 * On a lobby kiosk's attract screen, the way in for a citizen who booked online: a large
 * button under the start button. A scan on the attract screen opens the same check-in
 * (src/app/kiosk/attract-check-in.ts). Rendered by the kiosk's idle duties.
 */
import type { Language } from '../../../domain/config/schema';
import { checkInWord } from './check-in-text';

export function CheckInDoor({ lang, onOpen }: { lang: Language; onOpen: () => void }) {
  return (
    <button
      type="button"
      class="btn btn--secondary attract-checkin"
      onClick={(event) => {
        // The attract screen starts a session on any touch; this one opens the check-in.
        event.stopPropagation();
        onOpen();
      }}
    >
      {checkInWord(lang, 'door')}
    </button>
  );
}
