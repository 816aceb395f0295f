// Builds the page into dist/web, which `bouncedoc serve` serves; no CDN, everything bundled.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // the CSP forbids inline scripts: keep every module an external file
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
