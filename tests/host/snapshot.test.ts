// The engine snapshot beside the Node bundle (main/host/engine-snapshot.ts): made by a one-off
// process under the engine's own permission flags, refused by the engine process when it is not
// whole (the engine then makes its own and the run works), and made again by the host.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeBundle, type NodeBundle } from '../../main/host/node-bundle';
import { ensureEngineSnapshot } from '../../main/host/engine-snapshot';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { createSimService } from '../../main/host/sim-service';
import { SNAPSHOT_FILE } from '../../engine/node/snapshot-file';
import { HELLO, run, stdout } from './helpers';

describe('the engine snapshot of the Node host', () => {
  let bundle: NodeBundle;
  let dir: string;

  beforeAll(async () => {
    // A copy of the shared bundle and its snapshot (beside it, so `import 'pyodide'` resolves
    // the same): this file breaks its snapshot on purpose.
    const shared = await buildNodeBundle();
    await ensureEngineSnapshot(shared);
    dir = `${shared.dir}-broken-snapshot`;
    rmSync(dir, { recursive: true, force: true });
    cpSync(shared.dir, dir, { recursive: true });
    bundle = {
      ...shared,
      entry: join(dir, 'engine-process.mjs'),
      snapshotMaker: join(dir, 'make-snapshot.mjs'),
      dir,
      readPaths: [dir, shared.pyodideDir],
    };
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A program on a fresh engine process: what it printed, and how the process started. */
  async function hello(): Promise<[string, string | undefined]> {
    const service = createSimService({ launcher: createNodeLauncher(bundle), standby: false });
    try {
      return [stdout((await run(service, HELLO)).trace), await service.startedFrom()];
    } finally {
      await service.dispose();
    }
  }

  it('an engine process with a corrupt snapshot beside it still runs the program', async () => {
    const file = join(dir, SNAPSHOT_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1000] ^= 0xff;
    writeFileSync(file, bytes);
    expect(await hello()).toEqual(['hello\n', 'own snapshot']);
  });

  it('the host makes a corrupt or missing snapshot again, and the next engine starts from it', async () => {
    writeFileSync(join(dir, SNAPSHOT_FILE), 'not a snapshot');
    expect((await ensureEngineSnapshot(bundle)).state).toBe('made');
    expect((await ensureEngineSnapshot(bundle)).state).toBe('cached');
    expect(await hello()).toEqual(['hello\n', 'snapshot']);
  }, 240_000);
});
