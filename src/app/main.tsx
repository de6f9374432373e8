/** The PWA's entry: one shell, a surface per route, each surface loaded on demand. */
import { render } from 'preact';
import { App } from './App';
import { HOME_PATH, routeOf } from './routes';

if (window.location.pathname === '/') window.history.replaceState(null, '', HOME_PATH);
const root = document.getElementById('app');
if (root) render(<App route={routeOf(window.location.pathname, window.location.search)} />, root);
