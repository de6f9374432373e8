/** Named caching strategies of the service worker. */
/// <reference lib="webworker" />
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

export const CONFIG_CACHE = 'anjungan-config-v1';
export const CONFIG_PATH = '/api/v1/config';

/** The precached shells (HTML entries) of the surfaces. */
export const SHELLS = {
  kiosk: 'index.html',
  status: 'src/app/status/index.html',
  counter: 'src/app/counter/index.html',
  display: 'src/app/display/index.html',
  mobile: 'src/app/mobile/index.html',
  admin: 'src/app/admin/index.html',
} as const;

/** Surfaces with a shell of their own (their own entry), by the paths they answer. */
const OWN_SHELLS: readonly { shell: string; paths: RegExp }[] = [
  { shell: SHELLS.status, paths: /^\/t\// },
  { shell: SHELLS.counter, paths: /^\/counter\/?$/ },
  { shell: SHELLS.display, paths: /^\/display\/?$/ },
  { shell: SHELLS.mobile, paths: /^\/mobile\/?$/ },
  // Online only (it calls the server), but its own shell: never the kiosk's.
  { shell: SHELLS.admin, paths: /^\/admin\/?$/ },
];

/** Every other navigation outside the API renders the precached app shell (the kiosk). */
export function appShellRoute(): NavigationRoute {
  return new NavigationRoute(createHandlerBoundToURL(SHELLS.kiosk), {
    // /privasi is the server's own page (src/server/http/privacy-page.ts), never the kiosk.
    denylist: [/^\/api\//, /^\/privasi\/?$/, ...OWN_SHELLS.map((s) => s.paths)],
  });
}

/**
 * The phone page (/t/<id>), the counter and the board render their own precached shells,
 * so each starts offline after its first load.
 */
export function ownShellRoutes(): NavigationRoute[] {
  return OWN_SHELLS.map(
    ({ shell, paths }) =>
      new NavigationRoute(createHandlerBoundToURL(shell), { allowlist: [paths] }),
  );
}

/** The site config: fresh from the server when it answers quickly, else the last copy. */
export function configStrategy(): NetworkFirst {
  return new NetworkFirst({ cacheName: CONFIG_CACHE, networkTimeoutSeconds: 4 });
}

/** True for the config endpoint. */
export function isConfigRequest(url: URL): boolean {
  return url.pathname === CONFIG_PATH;
}

/** Puts the config in the cache at install, so the first offline start has it. */
export async function warmConfigCache(): Promise<void> {
  try {
    const response = await fetch(CONFIG_PATH, { cache: 'no-store' });
    if (response.ok) await (await caches.open(CONFIG_CACHE)).put(CONFIG_PATH, response);
  } catch {
    // Offline at install: the page keeps its own last good copy in IndexedDB.
  }
}
