/**
 * The counter's screen from its session and the queue state: sign-in while nobody is signed
 * in, open-loket while the person has no loket open today, then the desk. Pure: the runtime
 * passes what it holds.
 */
import type { ConfigBundle, Profile } from '../../domain/config/schema';
import type { CounterView as Loket, QueueBook } from '../../domain/queue';
import type { StaffVerifier } from '../../domain/staff';
import type { CounterLanguage } from '../../ui/counter/text';
import type { CounterView, Message } from '../../ui/counter/view';
import { deskOf, servicesOf } from './desk-view';

/** What the screen is made from. */
export type ScreenInputs = {
  lang: CounterLanguage;
  staff: readonly StaffVerifier[];
  me: StaffVerifier | null;
  message: Message | null;
  busy: boolean;
  online: boolean;
  book: QueueBook | null;
  /** This device's loket today (none open: null). */
  loket: Loket | null;
  config: ConfigBundle;
  profile: Profile;
  deviceId: string;
  now: number;
};

export function screenOf(s: ScreenInputs): CounterView {
  const { lang, me, book, loket } = s;
  if (!me) {
    const staff = [...s.staff]
      .sort((a, b) => a.name.localeCompare(b.name, 'id'))
      .map((p) => ({ staffId: p.staffId, name: p.name, hasPin: p.pin !== null, locked: p.locked }));
    return { screen: 'sign-in', lang, staff, message: s.message, busy: s.busy };
  }
  if (!book) return { screen: 'loading', lang };
  if (!loket) {
    const services = servicesOf(s.config, s.profile, me, lang);
    return { screen: 'open-loket', lang, me: me.name, services, message: s.message };
  }
  return {
    screen: 'desk',
    lang,
    me: me.name,
    loket: loket.loket,
    day: loket.businessDay,
    paused: loket.state === 'paused',
    ...deskOf(book, s.config, s.deviceId, loket, lang, s.now),
    message: s.message,
    online: s.online,
  };
}
