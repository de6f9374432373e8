/** Named caching strategies of the service worker. */
/// <reference lib="webworker" />
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

export const CONFIG_CACHE = 'anjungan-config-v1';
export const CONFIG_PATH = '/api/v1/config';

/** Every navigation outside the API and the phone page renders the precached app shell. */
export function appShellRoute(): NavigationRoute {
  return new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/t\//],
  });
}

/** The phone page (/t/<id>) renders its own small shell. */
export function statusShellRoute(): NavigationRoute {
  return new NavigationRoute(createHandlerBoundToURL('src/app/status/index.html'), {
    allowlist: [/^\/t\//],
  });
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
