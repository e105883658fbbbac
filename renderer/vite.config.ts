// Standalone renderer build (no Electron) for the Playwright specs and the stage benchmark:
// `npx vite build --config renderer/vite.config.ts` writes out/renderer-web/. The app itself
// builds the renderer through electron.vite.config.ts (renderer.root = 'renderer').
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer-web', import.meta.url)),
    emptyOutDir: true,
    // Source maps help read a failing spec's stack; the bundle is local only.
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
