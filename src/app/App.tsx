/** The app shell: the surface for the current path, loaded on demand. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BootScreen } from '../ui/boot/BootScreen';
import { ServiceInfoRoute } from './info/ServiceInfoRoute';
import type { Route } from './routes';

type Surfaces = Partial<
  Record<Exclude<Route['surface'], 'kiosk' | 'not-found'>, () => Promise<ComponentType<Route>>>
>;

// The kiosk is the main surface, started by ../main.tsx from the entry chunk; this shell
// is loaded for the others, service info with it (a lazy import of it here would need
// Vite's preload helper for its styles, in the chunk the kiosk shares).
// The phone page, the counter and the board have entries of their own (their index.html):
// the built server never answers them with this shell, the dev server still may.
const SURFACES: Surfaces = {
  'service-info': async () => ServiceInfoRoute as ComponentType<Route>,
  ...(import.meta.env.DEV
    ? {
        display: () =>
          import('./display/DisplayRoute').then((m) => m.DisplayRoute as ComponentType<Route>),
        counter: () =>
          import('./counter/CounterRoute').then((m) => m.CounterRoute as ComponentType<Route>),
        'ticket-status': () =>
          import('./status/TicketStatusRoute').then(
            (m) => m.TicketStatusRoute as ComponentType<Route>,
          ),
      }
    : {}),
};

function NotFound() {
  return (
    <main class="not-found">
      <h1>Halaman tidak ditemukan</h1>
      <p lang="en">Page not found</p>
      <a href="/kiosk">Ke anjungan</a>
    </main>
  );
}

/** Renders the route's surface once its code has loaded (the kiosk's: see ./main.tsx). */
export function App({ route }: { route: Exclude<Route, { surface: 'kiosk' }> }) {
  const [Surface, setSurface] = useState<ComponentType<Route> | null>(null);
  const load = route.surface === 'not-found' ? undefined : SURFACES[route.surface];
  useEffect(() => {
    void load?.().then((component) => setSurface(() => component));
  }, [load]);
  if (route.surface === 'not-found' || !load) return <NotFound />;
  return Surface ? <Surface {...route} /> : <BootScreen state="loading" />;
}
