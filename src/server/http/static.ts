/** Serves the built PWA: hashed assets cached forever, the shell and service worker never. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Client-side routes that all render the app shell. */
const SHELL_ROUTES = ['/', '/kiosk', '/kiosk/*', '/s/*', '/t/*', '/setup'];

/** Routes for the PWA files under appDir, with an app-shell fallback for its routes. */
export function serveApp(appDir: string): Hono {
  const app = new Hono();
  if (!existsSync(join(appDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text('Aplikasi belum dibangun: jalankan `npm run build` (or `npm start`).', 503),
    );
    return app;
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: appDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  for (const route of SHELL_ROUTES) {
    app.get(route, serveStatic({ root: appDir, path: 'index.html', onFound: noCache }));
  }
  app.use('*', serveStatic({ root: appDir, onFound: noCache }));
  return app;
}

function noCache(_path: string, c: { header(name: string, value: string): void }): void {
  c.header('Cache-Control', 'no-cache');
}
