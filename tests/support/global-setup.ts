// Vitest's global setup: the engine process's bundle and its snapshot, made once before the test
// files start (in parallel they would each build them), so every engine starts from the snapshot.
import { buildNodeBundle } from '../../main/host/node-bundle';
import { ensureEngineSnapshot } from '../../main/host/engine-snapshot';

export default async function setup(): Promise<void> {
  const made = await ensureEngineSnapshot(await buildNodeBundle());
  if (made.state === 'failed') console.warn(`no engine snapshot (engines make their own): ${made.error}`);
}
