/// <reference types="vitest/config" />
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { configDefaults } from 'vitest/config';

/** The site server, bundled for Node; its dependencies stay in node_modules. */
const serverBuild: UserConfig = {
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/server',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
  },
};

/**
 * Writes a zopfli-compressed `.gz` beside every JS, CSS, HTML and JSON file of the app,
 * served as is by the site server: ~4 % fewer bytes than on-the-fly gzip, no CPU per request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'anjungan-precompress',
    apply: 'build',
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      const compressible = files.filter((f) => /\.(js|css|html|json|webmanifest|svg)$/.test(f));
      await Promise.all(
        compressible.map(async (file) => {
          const path = join(outDir, file);
          await writeFile(
            `${path}.gz`,
            await gzipAsync(await readFile(path), { numiterations: 15 }),
          );
        }),
      );
    },
  };
}

/**
 * Names the entry's static imports in its HTML as module preloads, so the browser fetches
 * them with the entry instead of after parsing it (`build.modulePreload` would also wrap
 * every lazy import in a preload helper on the kiosk's path).
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'anjungan-preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const imports = ctx.chunk?.imports ?? [];
        return imports.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * Marks the code a surface runs at start (its entry and the shared `core` chunk) with V8's
 * explicit compile hint: every function in them is compiled with the script, and kept in
 * the code cache, instead of compiled on its first call in the middle of the first screens.
 */
function compileHints(): Plugin {
  return {
    name: 'anjungan-compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.name === 'core')) continue;
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * XState's hook for its browser devtools (`window.__xstate__`), left out of the build: no
 * device of ours runs them, and it was ≈ 0.15 KB gzip on the kiosk's way to a ticket. An
 * actor given `devTools` explicitly would still get its own adapter.
 */
function noStateDevTools(): Plugin {
  const id = '\0xstate-dev-none.js';
  return {
    name: 'anjungan-no-state-devtools',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source, importer) =>
      source === './xstate-dev.esm.js' && importer?.includes('/xstate/dist/') ? id : null,
    load: (source) =>
      source === id
        ? 'export const devToolsAdapter = () => {}; export const registerService = () => {}; export const getGlobal = () => globalThis;'
        : null,
  };
}

/**
 * Vite's preload helper, made small. Vite wraps every lazy import in it to load the CSS
 * and preload the modules a lazy chunk needs; here no lazy chunk has styles of its own
 * (each entry brings them) and module preloads are off, so all it did was ≈ 0.5 KB gzip in
 * the chunk every surface loads. Kept: the `vite:preloadError` event when a chunk of an old
 * version has vanished (src/app/sw-update.ts reloads once onto the new version).
 */
function smallPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'anjungan-small-preload-helper',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source) => (source === id || source === 'vite/preload-helper.js' ? id : null),
    load: (source) =>
      source === id
        ? `export const __vitePreload = (load) => load().catch((error) => {
  const event = new Event('vite:preloadError', { cancelable: true });
  event.payload = error;
  window.dispatchEvent(event);
  if (!event.defaultPrevented) throw error;
});`
        : null,
    // It loads no styles: a lazy chunk that needs some fails the build instead.
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
            this.error(`${file.fileName}: a lazy import needs styles; import them from the entry`);
          }
        }
      },
    },
  };
}

/** The PWA: every surface, one shell, precached by the service worker. */
/**
 * What a device reports as its app version (POST /sync/health): the package's version and
 * when this build was made, to the minute ("0.1.0+2026-12-05T07.02").
 */
const APP_BUILD = `${process.env.npm_package_version ?? '0'}+${new Date().toISOString().slice(0, 16).replace(':', '.')}`;

function appBuild(mode: string): UserConfig {
  const testing = mode === 'test';
  return {
    define: { __APP_BUILD__: JSON.stringify(APP_BUILD) },
    plugins: [
      preact(),
      testing
        ? []
        : VitePWA({
            strategies: 'injectManifest',
            srcDir: 'src/sw',
            filename: 'sw.ts',
            registerType: 'prompt',
            injectRegister: false,
            injectManifest: {
              globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
              // Fail loudly rather than silently leave a big file out of the precache.
              maximumFileSizeToCacheInBytes: 512 * 1024,
            },
            manifest: {
              name: 'Anjungan Mal Pelayanan Publik',
              short_name: 'Anjungan',
              lang: 'id',
              start_url: '/kiosk',
              display: 'fullscreen',
              background_color: '#0b3d6b',
              theme_color: '#0b3d6b',
              // PNG only: an SVG icon costs the page a whole SVG document on its main thread
              // at every start (src/server/cli/app-icons.ts makes these from icon.svg).
              icons: [
                { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
                { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
              ],
            },
            devOptions: { enabled: false, type: 'module' },
          }),
      preloadEntryImports(),
      smallPreloadHelper(),
      noStateDevTools(),
      compileHints(),
      testing ? [] : precompress('dist/app'),
    ],
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      target: 'es2022',
      // Lazy chunks come from the service worker's precache: no preload hints or polyfill.
      modulePreload: false,
      rolldownOptions: {
        // The app (kiosk, service info), and the own entries of the phone page, the counter
        // and the board: none of them loads the kiosk.
        input: {
          index: 'index.html',
          status: 'src/app/status/index.html',
          counter: 'src/app/counter/index.html',
          display: 'src/app/display/index.html',
          mobile: 'src/app/mobile/index.html',
          admin: 'src/app/admin/index.html',
        },
        output: {
          // Code every surface needs at start (Preact, hooks, texts, time, the shell's boot
          // screen) in one chunk — the kiosk and the phone page share it: one file and one
          // gzip stream instead of several small ones on the kiosk's path. With it, what the
          // kiosk shares with the counter and the board (booting, the replica and the log's
          // append, ids, numbering, the service rules, the button): split apart, it cost the
          // kiosk ≈ 700 B gzip (over its budget); here it costs the phone page ≈ 3 KB.
          codeSplitting: {
            groups: [
              {
                name: 'core',
                test: new RegExp(
                  [
                    /node_modules[\\/](preact|idb)[\\/]/,
                    /src[\\/](domain[\\/](time|format|hlc|i18n[\\/](strings|local-text))|app[\\/](routes|lazy)|storage[\\/](db|device|tx)|ui[\\/](i18n|boot[\\/]BootScreen|components[\\/]Screen[\\/]Screen))\./,
                    /src[\\/](app[\\/]kiosk[\\/]boot|replica[\\/]replica|storage[\\/](events|tickets|ids)|domain[\\/](ids|numbering|requirements)|machines[\\/]kiosk\.selectors|ui[\\/]components[\\/](Button[\\/]Button|lazy))\./,
                  ]
                    .map((r) => r.source)
                    .join('|'),
                ),
              },
              // The validators, loaded only with sync and the set-up screens.
              { name: 'validation', test: /node_modules[\\/]valibot[\\/]/ },
            ],
          },
        },
      },
    },
    server: { host: '127.0.0.1' },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            setupFiles: ['./test/setup.ts'],
            include: ['test/{unit,component,property,integration}/**/*.test.{ts,tsx}'],
            exclude: [...configDefaults.exclude],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
}

export default defineConfig(({ isSsrBuild, mode }) => (isSsrBuild ? serverBuild : appBuild(mode)));
