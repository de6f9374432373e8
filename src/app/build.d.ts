/** This build's version as devices report it (vite.config.ts, APP_BUILD). */
declare const __APP_BUILD__: string;
