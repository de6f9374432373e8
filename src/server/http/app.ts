/**
 * The site server's HTTP surface: the sync API under /api/v1 and the built PWA.
 * Must: every API answer is JSON; unknown API paths are 404, never the app shell.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { ConfigBundle } from '../../domain/config/schema';
import { serveApp } from './static';

export type AppDeps = {
  /** The active, validated site config. */
  config: () => ConfigBundle;
  /** Directory of the built PWA (vite build output). */
  appDir: string;
  /** Server software version, for health. */
  version: string;
  now: () => number;
};

/** Builds the Hono app; the composition root binds it to a port. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(compress());
  app.route('/api/v1', apiRoutes(deps));
  app.route('/', serveApp(deps.appDir));
  return app;
}

function apiRoutes(deps: AppDeps): Hono {
  const api = new Hono();
  api.get('/health', (c) =>
    c.json({
      status: 'ok',
      version: deps.version,
      configVersion: deps.config().version,
      siteId: deps.config().site.id,
      time: deps.now(),
    }),
  );
  api.get('/config', (c) => {
    const config = deps.config();
    const etag = `"${config.version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.json(config);
  });
  api.all('*', (c) =>
    c.json({ error: 'not_found', message: `Tidak ada API di ${c.req.path}` }, 404),
  );
  return api;
}
