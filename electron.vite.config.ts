// Builds the three processes from the top-level folders (not electron-vite's src/ default),
// and the engine page the app runs programs in (engine/chromium/vite.config.ts, into out/engine)
// and the shared player's template (renderer/share/vite.config.ts, into out/share) after main's build. Two preloads: the UI's (preload/index.ts) and the engine window's, which
// only hands the page its MessagePort (preload/engine-port.ts).
// The preload stays one CommonJS file so it can run sandboxed. No Node engine is built here: the
// app starts none (the terminal and the tests bundle theirs, main/host/node-bundle.ts).
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { build } from 'vite';

const abs = (path: string): string => resolve(import.meta.dirname, path);

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: abs('main/index.ts') },
      },
    },
    plugins: [
      {
        // The engine page (a separate Vite build: its own root, CSP and Pyodide's files), and
        // the shared player's one-file template (File > Export > Player).
        name: 'engine-page-and-player',
        async closeBundle() {
          await build({ configFile: abs('engine/chromium/vite.config.ts') });
          await build({ configFile: abs('renderer/share/vite.config.ts') });
        },
      },
    ],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: abs('preload/index.ts'), 'engine-port': abs('preload/engine-port.ts') },
        output: { format: 'cjs' },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: abs('renderer'),
    build: { rollupOptions: { input: { index: abs('renderer/index.html') } } },
    plugins: [svelte({ configFile: abs('svelte.config.js') })],
  },
});
