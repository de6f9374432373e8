/** Serves the built PWA: hashed assets cached forever, the shell and service worker never. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Client-side routes that all render the app shell. */
const SHELL_ROUTES = ['/', '/kiosk', '/kiosk/*', '/s/*', '/setup'];
/** The surfaces with an entry of their own (src/app/<name>/index.html), by route. */
export const OWN_SHELLS = {
  '/t/*': 'src/app/status/index.html',
  '/counter': 'src/app/counter/index.html',
  '/display': 'src/app/display/index.html',
  '/mobile': 'src/app/mobile/index.html',
  '/admin': 'src/app/admin/index.html',
} as const;

/** Routes for the PWA files under appDir, with an app-shell fallback for its routes. */
export function serveApp(appDir: string): Hono {
  const app = new Hono();
  if (!existsSync(join(appDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text('Aplikasi belum dibangun: jalankan `npm run build` (or `npm start`).', 503),
    );
    return app;
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', cachePolicy(c.req.path));
  });
  for (const route of SHELL_ROUTES) {
    app.get(route, serveStatic({ root: appDir, path: 'index.html', precompressed: true }));
  }
  for (const [route, shell] of Object.entries(OWN_SHELLS)) {
    app.get(route, serveStatic({ root: appDir, path: shell, precompressed: true }));
  }
  app.use('*', serveStatic({ root: appDir, precompressed: true }));
  return app;
}

/** Content-hashed files never change; everything else must be revalidated. */
function cachePolicy(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
