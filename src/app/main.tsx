/** The PWA's entry: one shell, a surface per route, each surface loaded on demand. */
// The shell's styles, all of them here (and the sync line's, which its lazy chunk shows):
// a lazy chunk with styles of its own would bring Vite's preload helper (≈ 0.5 KB gzip)
// onto the kiosk's path to load them.
import '../ui/styles/kiosk.css';
import '../ui/sync/sync-badge.css';
import { render } from 'preact';
import { BootScreen } from '../ui/boot/BootScreen';
import { bootKiosk } from './kiosk/boot';
import { KioskRoute } from './kiosk/KioskRoute';
import { prepareKiosk } from './kiosk/runtime';
import { HOME_PATH, routeOf } from './routes';

/** A boot slower than this shows "Memuat…" rather than an empty screen. */
const BOOT_SCREEN_AFTER_MS = 300;

if (window.location.pathname === '/') window.history.replaceState(null, '', HOME_PATH);
const route = routeOf(window.location.pathname, window.location.search);
const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app');
if (route.surface === 'kiosk') {
  // The kiosk opens its log at once, and its first screen is the one the boot leads to:
  // a boot screen drawn meanwhile would cost its layout and a frame before the attract screen.
  const boot = bootKiosk();
  prepareKiosk(); // while the log opens
  const slow = setTimeout(() => render(<BootScreen state="loading" />, root), BOOT_SCREEN_AFTER_MS);
  void boot.then((first) => {
    clearTimeout(slow);
    render(<KioskRoute first={first} />, root);
  });
} else {
  // Other routes of this shell (service info; the dev server's counter, board and phone
  // page): their code is not the kiosk's to carry.
  void import('./App').then(({ App }) => render(<App route={route} />, root));
}
