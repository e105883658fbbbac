import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { narrate } from '../../renderer/src/player/narration';

const model = buildModel(buildAbc());

describe('narration', () => {
  it('says one plain sentence per step in Python terms', () => {
    expect(narrate(model, 0)).toBe(
      'The program starts: asyncio.run() creates main and puts it in the run queue.',
    );
    expect(narrate(model, 1)).toBe(
      'main creates a, b and c (into the run queue) and awaits asyncio.gather(a(), b(), c()); next the loop takes a from the run queue.',
    );
    expect(narrate(model, 3)).toBe(
      'b prints "b started" and awaits asyncio.sleep(0.1) until t=0.100; next the loop takes c from the run queue.',
    );
    expect(narrate(model, 5)).toBe(
      'Nothing is ready, so the virtual clock jumps from 0.000 to 0.100, the earliest timer.',
    );
    expect(narrate(model, 6)).toBe(
      "asyncio runs b's internal callback (futures._set_result_unless_cancelled), which wakes b: it joins the run queue.",
    );
    expect(narrate(model, 7)).toBe('b prints "b finished" and returns \'b\' and is done.');
  });

  it('says a clock jump to a socket that became ready is one, not a timer', async () => {
    const { createTestEngine } = await import('../support/engine-snapshot');
    const engine = await createTestEngine();
    const trace = await engine.run(
      `import asyncio
async def main():
    r, w = await asyncio.open_connection("example.com", 7)
    w.write(b"hi\\n")
    print(await r.readline())
asyncio.run(main())
`,
      'echo.py',
    );
    const io = buildModel(trace);
    const jumps = trace.steps.flatMap((st, i) => (st.kind === 'clock' ? [narrate(io, i)] : []));
    expect(jumps.length).toBeGreaterThan(0);
    for (const text of jumps) expect(text).toMatch(/when bytes or a connection arrive on a socket/);
  }, 120_000);

  it('has a sentence for every step of the run', () => {
    for (let s = 0; s < model.trace.steps.length; s++) expect(narrate(model, s)).toMatch(/\.$/);
  });
});
