/**
 * What a route shows a device whose profile is another surface's (an admin changed it, or
 * it was enrolled as one): what it is not, and the link to the route of what it is.
 */
import type { Profile } from '../domain/config/schema';

/** Where each surface runs, and the link's words. */
const ROUTES: Record<Profile['surface'], { href: string; id: string; en: string }> = {
  kiosk: { href: '/kiosk', id: 'Ke anjungan', en: 'To the kiosk' },
  counter: { href: '/counter', id: 'Ke loket', en: 'To the counter' },
  display: { href: '/display', id: 'Ke papan antrean', en: 'To the queue board' },
  mobile: { href: '/mobile', id: 'Ke MPP bergerak', en: 'To the mobile unit' },
};

/** "This device is not a …", and the way to the surface its profile names. */
export function NotMine(props: {
  surface: Profile['surface'];
  notMine: { id: string; en: string };
}) {
  const to = ROUTES[props.surface];
  return (
    <main class="not-found">
      <h1>{props.notMine.id}</h1>
      <p lang="en">{props.notMine.en}</p>
      <a href={to.href}>
        {to.id}{' '}
        <span lang="en" class="second-language">
          {to.en}
        </span>
      </a>
    </main>
  );
}

/** The kiosk route's words (a kiosk runs kiosk and mobile-unit profiles). */
export const NOT_A_KIOSK = { id: 'Perangkat ini bukan anjungan', en: 'This device is not a kiosk' };
