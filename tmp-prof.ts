import { createEngine } from './main/python/engine';
let py: any;
const e = await createEngine({ onPyodide: (p) => { py = p; } });
const src = `import asyncio
async def worker(i):
    for _ in range(10):
        await asyncio.sleep(1)
async def main():
    await asyncio.gather(*(worker(i) for i in range(3000)))
asyncio.run(main())
`;
py.runPython(`
import cProfile, _loopscope.runtime as R
PROF = cProfile.Profile()
_orig = R.Run.run_batch
def run_batch(self, *a):
    PROF.enable()
    try:
        return _orig(self, *a)
    finally:
        PROF.disable()
R.Run.run_batch = run_batch
`);
await e.run(src, 'b.py');
console.log(py.runPython(`
import pstats, io
s = io.StringIO()
pstats.Stats(PROF, stream=s).sort_stats('tottime').print_stats(25)
s.getvalue()
`));
