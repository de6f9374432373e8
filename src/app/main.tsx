/** The PWA's entry: one shell, a route per surface, each surface loaded on demand. */
import { render } from 'preact';
import { App } from './App';
import { registerServiceWorker } from './sw-update';

const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();
