// The engine page's build (engine/chromium/vite.config.ts, into out/engine), for the tests that
// serve or inspect it: skipped when out/engine is newer than every source it is built from, as
// it is right after `npm run build` (`npm test` builds the app before the end-to-end tests).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(root, 'engine/chromium/vite.config.ts');
/** What the page is built from: its own sources, the engine's, and Pyodide's files. */
const SOURCES = ['engine', 'common', 'node_modules/pyodide/package.json'];
const BUILT = join(root, 'out/engine/index.html');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

let built = false;
export async function buildEnginePage(): Promise<void> {
  if (built) return;
  const current =
    existsSync(BUILT) && statSync(BUILT).mtimeMs > Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (!current) await build({ configFile: CONFIG, logLevel: 'silent' });
  built = true;
}
