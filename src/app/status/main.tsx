/**
 * The phone page's own entry (/t/<id>): a citizen's phone on a slow network loads this and
 * the status page only — never the kiosk, the counter or the board (its own HTML, built
 * beside the app's; the server serves it for /t/*).
 */
import { render } from 'preact';
import { routeOf } from '../routes';
import { TicketStatusRoute } from './TicketStatusRoute';

const root = document.getElementById('app');
if (root) render(<TicketStatusRoute {...routeOf(window.location.pathname)} />, root);
