// The installed layout on the Chromium host: stage what electron-builder.yml's `files` pack of
// out/ (tests/support/packaged-layout.ts), serve the engine page from the staged copy at the
// path main's protocol handler uses (out/main/../engine), and run a program from there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { packagedOutFiles, stagePackagedOut } from '../support/packaged-layout';
import { GATHER, buildEnginePage, run, startEngine, stdout, type EngineFixture } from './fixture';

let f: EngineFixture | undefined;
let staged = '';
test.afterAll(async () => {
  await f?.close();
  if (staged) rmSync(staged, { recursive: true, force: true });
});

test('the engine page runs a program from the packaged layout', async () => {
  await buildEnginePage();
  const root = process.cwd();
  const config = await getConfig(root, 'electron-builder.yml', null);
  const files = (config.files as { filter: string[] }[]).flatMap((x) => x.filter);
  const layout = { files, asarUnpack: (config.asarUnpack as string[]) ?? [] };
  expect(packagedOutFiles(root, layout)).toContain('out/engine/pyodide/pyodide.asm.wasm');
  staged = stagePackagedOut(root, layout, mkdtempSync(join(tmpdir(), 'loopscope-packaged-')));
  f = await startEngine({ root: join(staged, 'out/main', '../engine') });
  const { trace } = await run(f.service, GATHER, 'gather.py');
  expect(stdout(trace)).toContain("Result: ['a', 'b', 'c']");
  expect(f.engine.strays).toEqual([]);
});
