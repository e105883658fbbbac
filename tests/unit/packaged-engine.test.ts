// The installed layout, without electron-builder (it cannot run here):
// 1. the engine launcher main uses must work with the fuses electron-builder.yml flips: the
//    Node launcher needs runAsNode (ELECTRON_RUN_AS_NODE), which installers turn off;
// 2. every file the engine page loads (its script, its worker, Pyodide's files) is in the
//    package electron-builder's `files` select, where main's protocol handler looks for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { PYODIDE_FILES } from '../../engine/chromium/vite.config';
import { resolveEnginePath } from '../../main/engine-window/request-filter';
import { packagedOutFiles, type BuilderFiles } from '../support/packaged-layout';
import { buildEnginePage } from '../support/engine-page';

const root = process.cwd();
const load = (): Promise<Configuration> => getConfig(root, 'electron-builder.yml', null);

/** What each way of starting the engine needs of Electron's fuses. */
const LAUNCHERS = [
  {
    name: 'Node child via ELECTRON_RUN_AS_NODE',
    uses: /\bcreateSimService\(|\bcreateNodeLauncher\(|ELECTRON_RUN_AS_NODE|\bdefaultLauncher\(/,
    needs: 'runAsNode',
  },
  { name: 'hidden sandboxed Chromium window', uses: /\bcreateChromiumSimService\(/, needs: null },
] as const;

/** The fuse conflicts of a main entry's source under a fuse table: empty when they agree. */
export function fuseConflicts(mainSource: string, fuses: Record<string, unknown>): string[] {
  const code = mainSource.replace(/^\s*\/\/.*$/gm, '');
  const used = LAUNCHERS.filter((l) => l.uses.test(code));
  const problems: string[] = [];
  if (used.length === 0) problems.push('main starts no engine launcher this test knows');
  for (const l of used)
    if (l.needs && fuses[l.needs] === false)
      problems.push(`main uses the ${l.name}, which needs the ${l.needs} fuse, and it is off`);
  return problems;
}

describe('the engine launcher main uses and the fuses agree', () => {
  it('main/index.ts starts the Chromium engine, which needs no fuse that electron-builder.yml turns off', async () => {
    const fuses = (await load()).electronFuses as Record<string, unknown>;
    expect(fuses.runAsNode).toBe(false);
    const main = readFileSync(join(root, 'main/index.ts'), 'utf8');
    expect(fuseConflicts(main, fuses)).toEqual([]);
    expect(main).toMatch(/createChromiumSimService\(/);
  });

  it('is not vacuous: the Node launcher under runAsNode: false is a conflict', () => {
    const old = 'const sim = createSimService({ mainDir: import.meta.dirname });';
    expect(fuseConflicts(old, { runAsNode: false })).toEqual([
      'main uses the Node child via ELECTRON_RUN_AS_NODE, which needs the runAsNode fuse, and it is off',
    ]);
    expect(fuseConflicts(old, { runAsNode: true })).toEqual([]);
  });
});

describe("the engine page's assets are in the packaged layout", () => {
  let packaged: Set<string>;
  beforeAll(async () => {
    // The engine page's build, as `npm run build` makes it after main's.
    await buildEnginePage();
    const config = await load();
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    const layout: BuilderFiles = { files, asarUnpack: (config.asarUnpack as string[]) ?? [] };
    packaged = new Set(packagedOutFiles(root, layout));
  }, 120_000);

  /** What main's protocol handler serves for a URL, as a path inside the app folder. */
  const served = (url: string): string | null => {
    const engineDir = join(root, 'out/main', '../engine'); // main/index.ts: join(import.meta.dirname, '../engine')
    const path = resolveEnginePath(engineDir, url);
    return path
      ? path
          .slice(root.length + 1)
          .split('\\')
          .join('/')
      : null;
  };

  it('index.html, the page script it names and the worker that script starts', () => {
    const html = served('app://engine/index.html')!;
    expect(packaged.has(html)).toBe(true);
    const script = /src="\.\/([^"]+\.js)"/.exec(readFileSync(join(root, html), 'utf8'))?.[1];
    expect(script).toBeDefined();
    expect(packaged.has(served(`app://engine/${script}`)!)).toBe(true);
    const worker = /worker-[\w-]+\.js/.exec(readFileSync(join(root, 'out/engine', script!), 'utf8'))?.[0];
    expect(worker).toBeDefined();
    expect(packaged.has(served(`app://engine/assets/${worker}`)!)).toBe(true);
  });

  it("Pyodide's files, under pyodide/ where the page's indexURL points", () => {
    for (const f of PYODIDE_FILES) expect(packaged.has(served(`app://engine/pyodide/${f}`)!), f).toBe(true);
  });

  it("the engine window's preload, where main/index.ts points", () => {
    expect(readFileSync(join(root, 'main/index.ts'), 'utf8')).toContain("'../preload/engine-port.cjs'");
    if (existsSync(join(root, 'out/preload/engine-port.cjs')))
      expect(packaged.has('out/preload/engine-port.cjs')).toBe(true);
  });

  it('is not vacuous: a files pattern that drops out/engine loses the page', () => {
    const without = packagedOutFiles(root, { files: ['out/**', '!out/engine/**'], asarUnpack: [] });
    expect(without).not.toContain('out/engine/index.html');
  });
});
