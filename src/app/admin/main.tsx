/**
 * The admin screens' own entry (/admin): a desk PC's browser, online, loading none of the
 * kiosk's code. Its own HTML, built beside the app's; the server answers /admin with it.
 */
import { render } from 'preact';
import { AdminRoute } from './AdminRoute';

const root = document.getElementById('app');
if (root) render(<AdminRoute />, root);
