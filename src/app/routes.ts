/**
 * The PWA's routes (ARCHITECTURE.md §7). A device runs one surface all day and never
 * navigates between them, so a path match is all the routing the shell needs.
 */

export type Route =
  | { surface: 'kiosk' }
  | { surface: 'counter' }
  | { surface: 'display' }
  | { surface: 'service-info'; serviceId: string; missing: string[] }
  | { surface: 'ticket-status'; ticketId: string }
  | { surface: 'not-found' };

/** Where `/` sends a device. */
export const HOME_PATH = '/kiosk';

/** The surface for a location. */
export function routeOf(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/kiosk') return { surface: 'kiosk' };
  if (path === '/counter') return { surface: 'counter' };
  if (path === '/display') return { surface: 'display' };
  const info = /^\/s\/([a-z0-9-]+)$/.exec(path);
  if (info?.[1]) {
    const missing = (new URLSearchParams(search).get('kurang') ?? '').split(',').filter(Boolean);
    return { surface: 'service-info', serviceId: info[1], missing };
  }
  const ticket = /^\/t\/([0-9a-f-]{36})$/.exec(path);
  if (ticket?.[1]) return { surface: 'ticket-status', ticketId: ticket[1] };
  return { surface: 'not-found' };
}
