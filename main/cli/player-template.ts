// The shared player's template for `sim --html`: out/share/player.html as `npm run build` leaves
// it, rebuilt here (a few seconds, once) when it is missing or older than what it is built from.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(root, 'renderer/share/vite.config.ts');
const BUILT = join(root, 'out/share/player.html');
/** What the template is built from. */
const SOURCES = ['renderer/src', 'renderer/share', 'common'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export async function playerTemplate(say: (line: string) => void): Promise<string> {
  const current =
    existsSync(BUILT) && statSync(BUILT).mtimeMs > Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (!current) {
    say('sim: building the shared player (once, a few seconds)…');
    const { build } = await import('vite');
    await build({ configFile: CONFIG, logLevel: 'silent' });
  }
  return readFileSync(BUILT, 'utf8');
}
