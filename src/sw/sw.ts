/**
 * The service worker: listeners only; strategies are named in ./strategies.ts.
 * Must: never skip waiting on its own — the page asks when the kiosk is idle on its
 * attract screen, so an update never lands mid-flow.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import {
  addStaticRoutes,
  cacheShells,
  deleteOtherShellCaches,
  shellCacheName,
} from './static-routes';
import {
  appShellRoute,
  configStrategy,
  isConfigRequest,
  ownShellRoutes,
  warmConfigCache,
} from './strategies';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const manifest = self.__WB_MANIFEST;
const shellCache = shellCacheName(manifest);
precacheAndRoute(manifest);
cleanupOutdatedCaches();
for (const route of ownShellRoutes()) registerRoute(route);
registerRoute(appShellRoute());
registerRoute(({ url }) => isConfigRequest(url), configStrategy());

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([warmConfigCache(), cacheShells(shellCache), addStaticRoutes(event, shellCache)]),
  );
});

self.addEventListener('activate', (event) => {
  // Take control of the page that installed us, so it works offline without a reload.
  event.waitUntil(Promise.all([self.clients.claim(), deleteOtherShellCaches(shellCache)]));
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
