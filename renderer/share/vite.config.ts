// The shared player's build: one self-contained HTML file (out/share/player.html) with every
// script, style and asset inline, and an empty <script id="loopscope-trace"> that an export
// fills with a run (main/export/player-html.ts). electron.vite.config.ts runs it after main's
// build; the CLI builds it on first use (main/cli/player-template.ts).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
export const SHARE_OUT_DIR = resolve(here, '../../out/share');

/** Moves the built chunks and stylesheets into the HTML, so the file stands alone. */
function inlineEverything(): Plugin {
  return {
    name: 'inline-everything',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') throw new Error('the shared player build made no HTML');
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file === html) continue;
        const ref = new RegExp(
          `<script[^>]*src="[./]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*></script>`,
        );
        const link = new RegExp(`<link[^>]*href="[./]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (file.type === 'chunk') {
          // "</script" inside the code would end the element early; "<\/script" means the same in JS.
          // With one chunk there is nothing to preload, but Vite leaves its marker for the list
          // of files to preload in place of an empty one when code splitting is off.
          const code = file.code
            .replaceAll('</script', '<\\/script')
            .replaceAll('__VITE_PRELOAD__', 'void 0');
          text = text.replace(ref, () => `<script type="module">${code}</script>`);
        } else if (name.endsWith('.css')) {
          text = text.replace(link, () => `<style>${String(file.source)}</style>`);
        } else continue;
        delete bundle[name];
      }
      if (/<script[^>]*\ssrc=|<link[^>]*stylesheet/.test(text)) {
        throw new Error('the shared player still refers to a file it does not hold');
      }
      html.source = text;
      html.fileName = 'player.html';
    },
  };
}

export default defineConfig({
  root: resolve(here),
  base: './',
  logLevel: 'warn',
  plugins: [svelte({ configFile: resolve(here, '../../svelte.config.js') }), inlineEverything()],
  build: {
    outDir: SHARE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { player: resolve(here, 'index.html') },
      output: { codeSplitting: false },
    },
  },
});
