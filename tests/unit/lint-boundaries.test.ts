// The import whitelists (eslint.boundaries.js) and the engine's wall-time ban, fed violations
// through the project's own ESLint config: a rule that stops rejecting fails here.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { boundaries, folderOf, outside } from '../../eslint.boundaries.js';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });
const folders = Object.keys(boundaries);

async function ruleErrors(file: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|js|mjs|svelte)$/.test(e.name) ? [rel] : [];
  });
}

describe('import whitelists', () => {
  it('cover every source folder', () => {
    const files = ['common', 'lessons', 'engine', 'main', 'preload', 'renderer/src'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const unlisted = files.filter((f) => folderOf(f) === null && !outside.includes(f));
    expect(unlisted).toEqual([]);
  });

  it.each(folders)('%s/ rejects a folder and a package it may not import', async (folder) => {
    const allowed = boundaries[folder];
    const file = `${folder}/probe.ts`;
    const otherFolder = folders.find((f) => f !== folder && !allowed.includes(f))!;
    const otherPackage = ['electron', 'pixi.js', 'pyodide'].find((p) => !allowed.includes(p))!;
    const spec = path.posix.relative(folder, `${otherFolder}/x`);
    const errors = await ruleErrors(
      file,
      `import { a } from '${spec.startsWith('.') ? spec : `./${spec}`}';\nimport b from '${otherPackage}';\nexport { a, b };\n`,
      'loopscope/allowed-imports',
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(`${folder}/ may not import ${otherFolder}`);
    expect(errors[1]).toContain(`the package ${otherPackage}`);
  });

  it.each(folders.filter((f) => boundaries[f].some((a) => folders.includes(a))))(
    '%s/ accepts what it lists',
    async (folder) => {
      const target = boundaries[folder].find((a) => folders.includes(a))!;
      const spec = path.posix.relative(folder, `${target}/x`);
      const errors = await ruleErrors(
        `${folder}/probe.ts`,
        `export { a } from '${spec.startsWith('.') ? spec : `./${spec}`}';\n`,
        'loopscope/allowed-imports',
      );
      expect(errors).toEqual([]);
    },
  );

  it('tells a type-only package import from one that brings code', async () => {
    const file = 'engine/chromium/probe.ts';
    expect(
      await ruleErrors(
        file,
        "export type L = typeof import('pyodide').loadPyodide;\n",
        'loopscope/allowed-imports',
      ),
    ).toEqual([]);
    expect(
      await ruleErrors(file, "export { loadPyodide } from 'pyodide';\n", 'loopscope/allowed-imports'),
    ).toHaveLength(1);
  });
});

describe('the engine reads no wall time', () => {
  it.each([
    [
      'an alias of performance',
      'const p = performance;\nexport const t = p.now();\n',
      'no-restricted-globals',
    ],
    ['a wall-clock timer', 'setTimeout(() => 0, 1);\n', 'no-restricted-globals'],
    ['process.hrtime', 'export const t = process.hrtime();\n', 'no-restricted-properties'],
    ['new Date()', 'export const d = new Date();\n', 'no-restricted-globals'],
  ])('rejects %s in engine/core and engine/python', async (_what, code, rule) => {
    for (const folder of ['engine/core', 'engine/python']) {
      expect(await ruleErrors(`${folder}/probe.ts`, code, rule)).not.toEqual([]);
    }
  });
});
