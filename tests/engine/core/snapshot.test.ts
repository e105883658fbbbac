// Engines start from a Pyodide memory snapshot (engine-core.ts makeEngineSnapshot): every engine
// started from the same snapshot runs programs from the same heap, so the same source gives the
// same trace, to the byte, even where the output depends on object addresses. A snapshot that
// does not load costs time (the engine makes its own), never the run. A run never reaches the
// snapshot or the next engine.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, makeSnapshot, type Engine } from '../../../engine/python/engine';
import type { Trace } from '../../../common/trace';

/** Set order of tasks and object addresses: what a different starting heap would change. */
const ADDRESSES = `import asyncio
async def work(i):
    await asyncio.sleep(0)
async def main():
    done, _ = await asyncio.wait([asyncio.create_task(work(i), name=f"t{i}") for i in range(24)])
    print([t.get_name() for t in done])
    print(id(object()) % 100003, hash(object()) % 100003)
asyncio.run(main())
`;

const LEAVE_THINGS = `import builtins, sys
builtins.LEFT = "by the previous run"
sys.modules["left_behind"] = sys
open("left.txt", "w").write("x")
print("left")
`;

const LOOK_FOR_THEM = `import builtins, os, sys
print(hasattr(builtins, "LEFT"), "left_behind" in sys.modules, os.path.exists("left.txt"))
`;

const out = (t: Trace): string => t.events.map((e) => (e.t === 'output' ? e.text : '')).join('');
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('engines started from a snapshot', () => {
  let snapshot: Uint8Array;
  let given: Engine;
  let again: Engine;

  beforeAll(async () => {
    snapshot = await makeSnapshot();
    given = await createEngine({}, snapshot);
    again = await createEngine({}, snapshot);
  }, 240_000);

  it('start from the snapshot they are given', () => {
    expect([given.startedFrom, again.startedFrom]).toEqual(['snapshot', 'snapshot']);
  });

  it('give byte-identical traces, even where output depends on object addresses', async () => {
    const a = await given.run(ADDRESSES, 'main.py');
    expect(a.end.kind).toBe('ok');
    expect(JSON.stringify(await again.run(ADDRESSES, 'main.py'))).toBe(JSON.stringify(a));
    expect(JSON.stringify(await given.run(ADDRESSES, 'main.py'))).toBe(JSON.stringify(a));
  });

  it('a snapshot that does not load (corrupt, cut short, not one) makes the engine make its own', async () => {
    const corrupt = snapshot.slice();
    corrupt[0] ^= 0xff;
    for (const bad of [corrupt, snapshot.slice(0, 4096), new Uint8Array(64)]) {
      const engine = await createEngine({}, bad);
      expect(engine.startedFrom).toBe('own snapshot');
      expect(out(await engine.run(LOOK_FOR_THEM, 'main.py'))).toBe('False False False\n');
    }
  }, 240_000);

  it('nothing of a run reaches the snapshot or the next engine started from it', async () => {
    const before = sha(snapshot);
    expect(out(await given.run(LEAVE_THINGS, 'main.py'))).toBe('left\n');
    expect(sha(snapshot)).toBe(before);
    const next = await createEngine({}, snapshot);
    expect(out(await next.run(LOOK_FOR_THEM, 'main.py'))).toBe('False False False\n');
  });
});
