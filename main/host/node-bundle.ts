// Builds the engine process for plain Node (the CLI and the tests): one ES module bundled by
// esbuild, with the engine's .py files beside it, in node_modules/.cache. Not tsx: tsx installs
// its loader on a worker thread, and the permission model (rightly) refuses workers. The app
// does not use this: its engine is the engine page (engine/chromium).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pyodideDirFrom } from './pyodide-dir';

const here = dirname(fileURLToPath(import.meta.url));
const isPythonOrDir = (path: string): boolean => path.endsWith('.py') || !/\.[a-z]+$/.test(path);
const repoRoot = resolve(here, '../..');

export interface NodeBundle {
  entry: string;
  /** The one-off process that makes the engine snapshot (engine-snapshot.ts); none for a replaced engine. */
  snapshotMaker: string | null;
  /** The bundle's folder (its fingerprint, the .py files, the snapshot) and Pyodide's. */
  dir: string;
  pyodideDir: string;
  /** What the engine process may read: the bundle's folder and Pyodide's. */
  readPaths: string[];
}

/** A fingerprint of every source the bundle is built from, so an unchanged tree builds once. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of [
    'engine',
    'engine/core',
    'engine/python',
    'engine/python/world',
    'engine/node',
    'common',
  ]) {
    const abs = join(repoRoot, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      const file = join(abs, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * `engineModule` replaces engine/python/engine.ts in the bundle (tests use it to try the host
 * against an engine with hooks the real one does not have yet); give it its own outDir.
 */
export async function buildNodeBundle(
  outDir = join(repoRoot, 'node_modules/.cache/loopscope-engine'),
  engineModule?: string,
): Promise<NodeBundle> {
  const entry = join(outDir, 'engine-process.mjs');
  const maker = join(outDir, 'make-snapshot.mjs');
  const stamp = join(outDir, 'fingerprint');
  // A replacement engine module counts by its content too (a test's fixture changes).
  const print =
    fingerprint() +
    (engineModule
      ? `+${engineModule}:${createHash('sha256').update(readFileSync(engineModule)).digest('hex').slice(0, 16)}`
      : '');
  const pyodideDir = pyodideDirFrom(here);
  const result: NodeBundle = {
    entry,
    snapshotMaker: engineModule ? null : maker,
    dir: outDir,
    pyodideDir,
    readPaths: [outDir, pyodideDir],
  };
  const built = existsSync(entry) && (engineModule || existsSync(maker));
  if (built && existsSync(stamp) && readFileSync(stamp, 'utf8') === print) return result;
  mkdirSync(outDir, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      'engine-process': join(repoRoot, 'engine/node/engine-process.ts'),
      // A replaced engine has no snapshot of its own to make.
      ...(engineModule ? {} : { 'make-snapshot': join(repoRoot, 'engine/node/make-snapshot.ts') }),
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pyodide'],
    logLevel: 'error',
    plugins: engineModule
      ? [
          {
            name: 'replace-engine',
            setup(b) {
              b.onResolve({ filter: /python\/engine$/ }, () => ({ path: engineModule }));
            },
          },
        ]
      : [],
  });
  const py = join(repoRoot, 'engine/python');
  for (const name of readdirSync(py))
    if (name.endsWith('.py')) copyFileSync(join(py, name), join(outDir, name));
  cpSync(join(py, 'world'), join(outDir, 'world'), { recursive: true, filter: isPythonOrDir });
  writeFileSync(stamp, print);
  return result;
}
