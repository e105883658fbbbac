// The e2e specs reach into the stage through window.__loopscopeStage and a hidden layout div
// (stage/Stage.svelte). Those exist only in a build made for the tests (`--mode e2e`): this
// builds the renderer as the app and the installers do (production mode) and reads the bundle.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { build } from 'vite';

const CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'loopscope-prod-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('the production renderer bundle', () => {
  it('has no test hooks', { timeout: 180_000 }, async () => {
    // As `electron-vite build` runs it: vitest's NODE_ENV=test would make a development build.
    const nodeEnv = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    onTestFinished(() => {
      process.env['NODE_ENV'] = nodeEnv;
    });
    await build({
      configFile: CONFIG,
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const js = bundleText(outDir);
    // The bundle read is the app's: the stage's own testids are in it.
    expect(js.includes('stage-mirror'), 'the stage is in the bundle').toBe(true);
    expect(js.includes('__loopscopeStage'), 'window.__loopscopeStage is set').toBe(false);
    expect(js.includes('stage-layout'), 'the hidden layout div is drawn').toBe(false);
  });
});
