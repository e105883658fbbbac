// The engine page's build (out/engine): index.html, its script, the worker as a module chunk,
// and Pyodide's own files copied to out/engine/pyodide/ so they are served from the engine's
// origin. electron.vite.config.ts runs this build after main's; it is also usable alone
// (`vite build -c engine/chromium/vite.config.ts`).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
export const ENGINE_OUT_DIR = resolve(here, '../../out/engine');
/** What Pyodide loads by fixed names from its indexURL (and the loader itself). */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: ENGINE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: { input: { index: resolve(here, 'index.html') } },
  },
  worker: { format: 'es' },
  plugins: [
    {
      name: 'pyodide-assets',
      apply: 'build',
      writeBundle() {
        const pyodide = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
        mkdirSync(join(ENGINE_OUT_DIR, 'pyodide'), { recursive: true });
        for (const f of PYODIDE_FILES) copyFileSync(join(pyodide, f), join(ENGINE_OUT_DIR, 'pyodide', f));
      },
    },
  ],
});
