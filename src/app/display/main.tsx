/**
 * The board's own entry (/display): a lobby TV loads the board and what it shares with the
 * other surfaces — never the kiosk. Its own HTML, built beside the app's; the server and
 * the service worker answer /display with it.
 */
// Its styles come with the entry (see ../main.tsx): the sync line's too.
import '../../ui/sync/sync-badge.css';
import { render } from 'preact';
import { DisplayRoute } from './DisplayRoute';

const root = document.getElementById('app');
if (root) render(<DisplayRoute />, root);
