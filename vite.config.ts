/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';
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

/** The PWA: every surface, one shell, precached by the service worker. */
function appBuild(mode: string): UserConfig {
  const testing = mode === 'test';
  return {
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
              icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
            },
            devOptions: { enabled: false, type: 'module' },
          }),
    ],
    build: { outDir: 'dist/app', emptyOutDir: true, target: 'es2022' },
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
