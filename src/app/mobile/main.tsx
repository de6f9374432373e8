/**
 * The MPP bergerak screen's own entry (/mobile): the team's checklist, printer and reports,
 * without the kiosk's code. Its own HTML, built beside the app's; the server and the service
 * worker answer /mobile with it.
 */
// Its styles come with the entry (see ../main.tsx): the sync line's too.
import '../../ui/sync/sync-badge.css';
import { render } from 'preact';
import { MobileRoute } from './MobileRoute';

const root = document.getElementById('app');
if (root) render(<MobileRoute />, root);
