/** The PWA's entry: one shell, a surface per route, each surface loaded on demand. */
import { render } from 'preact';
import { App } from './App';
import { bootEarly } from './kiosk/boot';
import { HOME_PATH, routeOf } from './routes';

if (window.location.pathname === '/') window.history.replaceState(null, '', HOME_PATH);
const route = routeOf(window.location.pathname, window.location.search);
// The kiosk opens its log while the shell draws the boot screen.
if (route.surface === 'kiosk') bootEarly();
const root = document.getElementById('app');
if (root) render(<App route={route} />, root);
