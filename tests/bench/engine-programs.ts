// The two programs that measure the engine on (tests/bench/engine.ts, engine-ab.ts).

export const PROGRAMS: Record<string, string> = {
  '10,000 tasks x 10 sleeps': `import asyncio
async def worker(i):
    for _ in range(10):
        await asyncio.sleep(1)
async def main():
    await asyncio.gather(*(worker(i) for i in range(10000)))
asyncio.run(main())
`,
  '100 tasks x 1,000 sleep(0)': `import asyncio
async def worker(i):
    for _ in range(1000):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(worker(i) for i in range(100)))
asyncio.run(main())
`,
};
