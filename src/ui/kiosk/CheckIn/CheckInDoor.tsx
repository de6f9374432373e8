/**
 * On a lobby kiosk's attract screen, under the start button: the way in for a citizen who
 * booked online, and the SKM survey for one whose service is finished. A scan on the
 * attract screen opens either (src/app/kiosk/attract-doors.ts). Rendered by the kiosk's
 * idle duties.
 */
import type { Language } from '../../../domain/config/schema';
import { checkInWord } from './check-in-text';

export function CheckInDoor(props: {
  lang: Language;
  onCheckIn: () => void;
  onSurvey: () => void;
}) {
  // The attract screen starts a session on any touch; these open their own dialogs.
  const only = (action: () => void) => (event: Event) => {
    event.stopPropagation();
    action();
  };
  return (
    <>
      <button type="button" class="btn btn--secondary attract-door" onClick={only(props.onCheckIn)}>
        {checkInWord(props.lang, 'door')}
      </button>
      <button type="button" class="btn btn--secondary attract-door" onClick={only(props.onSurvey)}>
        {checkInWord(props.lang, 'surveyDoor')}
      </button>
    </>
  );
}
