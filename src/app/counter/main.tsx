/**
 * The counter's own entry (/counter): a desk PC loads the counter and what it shares with
 * the other surfaces — never the kiosk. Its own HTML, built beside the app's; the server
 * and the service worker answer /counter with it.
 */
// Its styles come with the entry (see ../main.tsx): the sync line's too.
import '../../ui/sync/sync-badge.css';
import { render } from 'preact';
import { CounterRoute } from './CounterRoute';

const root = document.getElementById('app');
if (root) render(<CounterRoute />, root);
