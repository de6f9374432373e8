/**
 * Static routes (`addRoutes`, Chromium 123+): the shells of kiosk, counter, board and mobile unit and the
 * hashed assets come straight from Cache Storage, without starting this worker.
 * Must: a route names only a cache this version filled at install (offline, a miss fails);
 * a browser without the API, or refusing the routes, keeps the fetch handler's routes.
 */
/// <reference lib="webworker" />
import { cacheNames } from 'workbox-core';
import { SHELLS } from './strategies';

/** The navigations answered from the shells' cache, by the precached shell they show. */
export const ROUTED_SHELLS: readonly { shell: string; paths: readonly string[] }[] = [
  { shell: SHELLS.kiosk, paths: ['/', '/kiosk'] },
  { shell: SHELLS.counter, paths: ['/counter'] },
  { shell: SHELLS.display, paths: ['/display'] },
  { shell: SHELLS.mobile, paths: ['/mobile'] },
];
const SHELL_CACHE_PREFIX = 'anjungan-shells-';

declare const self: ServiceWorkerGlobalScope;

type ManifestEntry = { url: string; revision: string | null };
type RouterRule = {
  condition: {
    urlPattern: { pathname: string; search?: string };
    requestMode?: RequestMode;
    requestMethod?: string;
  };
  source: { cacheName: string };
};
type RoutingInstallEvent = ExtendableEvent & {
  addRoutes?: (rules: RouterRule[]) => Promise<void>;
};

/** This build's cache of shells: named by the shells' revisions, so versions never share. */
export function shellCacheName(manifest: readonly ManifestEntry[]): string {
  const revisions = ROUTED_SHELLS.map(
    ({ shell }) => manifest.find((entry) => entry.url === shell)?.revision ?? '',
  ).join(':');
  let hash = 0x811c9dc5;
  for (let i = 0; i < revisions.length; i++) {
    hash = Math.imul(hash ^ revisions.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${SHELL_CACHE_PREFIX}${hash.toString(36)}`;
}

/**
 * Fetches this build's shells and stores each under the paths it answers. Throws when one
 * cannot be fetched: the install fails and the version before stays, as with the precache.
 */
export async function cacheShells(name: string): Promise<void> {
  const cache = await caches.open(name);
  for (const { shell, paths } of ROUTED_SHELLS) {
    const fetched = await fetch(new URL(shell, self.registration.scope), { cache: 'reload' });
    if (!fetched.ok) throw new Error(`shell ${shell}: HTTP ${fetched.status}`);
    // A fresh response: a redirected one cannot answer a navigation. The body is decoded,
    // so the headers that described its transfer go.
    const body = await fetched.arrayBuffer();
    const headers = new Headers(fetched.headers);
    for (const name of ['content-encoding', 'content-length']) headers.delete(name);
    for (const path of paths) {
      await cache.put(
        new URL(path, self.registration.scope).href,
        new Response(body, { status: 200, headers }),
      );
    }
  }
}

/**
 * Adds the routes, when the browser has the API and takes them; the fetch handler answers
 * otherwise. A refusal (a browser that knows the API but not a cache by name, say) must
 * not fail the install: the app would then never install or update.
 */
export async function addStaticRoutes(event: ExtendableEvent, shellCache: string): Promise<void> {
  const install = event as RoutingInstallEvent;
  if (typeof install.addRoutes !== 'function') return;
  const shells: RouterRule[] = ROUTED_SHELLS.flatMap(({ paths }) =>
    paths.map((pathname) => ({
      condition: { urlPattern: { pathname, search: '' }, requestMode: 'navigate' as const },
      source: { cacheName: shellCache },
    })),
  );
  // Hashed assets are precached under their own URL: the precache is their cache.
  const assets: RouterRule = {
    condition: { urlPattern: { pathname: '/assets/*' }, requestMethod: 'GET' },
    source: { cacheName: cacheNames.precache },
  };
  try {
    await install.addRoutes([...shells, assets]);
  } catch (error) {
    console.warn('static routes refused; the fetch handler answers', error);
  }
}

/** Deletes the shells' caches of earlier versions (at activate: no route names them now). */
export async function deleteOtherShellCaches(current: string): Promise<void> {
  for (const name of await caches.keys()) {
    if (name.startsWith(SHELL_CACHE_PREFIX) && name !== current) await caches.delete(name);
  }
}
