/** Routes of the PWA (ARCHITECTURE.md §7). */

import { useEffect } from 'preact/hooks';
import lazy from 'preact-iso/lazy';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';

const KioskRoute = lazy(() => import('./kiosk/KioskRoute').then((m) => m.KioskRoute));
const ServiceInfoRoute = lazy(() =>
  import('./info/ServiceInfoRoute').then((m) => m.ServiceInfoRoute),
);

function Redirect({ to }: { to: string }) {
  const location = useLocation();
  useEffect(() => location.route(to, true), [location, to]);
  return null;
}

function NotFound() {
  return (
    <main class="not-found">
      <h1>Halaman tidak ditemukan</h1>
      <p lang="en">Page not found</p>
      <a href="/kiosk">Ke anjungan</a>
    </main>
  );
}

/** The app shell: a router over the surfaces. */
export function App() {
  return (
    <LocationProvider>
      <Router>
        <Route path="/" component={() => <Redirect to="/kiosk" />} />
        <Route path="/kiosk" component={KioskRoute} />
        <Route path="/s/:serviceId" component={ServiceInfoRoute} />
        <Route default component={NotFound} />
      </Router>
    </LocationProvider>
  );
}
