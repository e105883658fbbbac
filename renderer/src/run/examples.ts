// The program Loopscope opens with: the course's asyncio.gather example (DESIGN.md).
export const DEFAULT_FILE_NAME = 'gather_abc.py';

export const DEFAULT_SOURCE = `import asyncio

async def a():
    print("a started")
    await asyncio.sleep(0.2)
    print("a finished")
    return "a"

async def b():
    print("b started")
    await asyncio.sleep(0.1)
    print("b finished")
    return "b"

async def c():
    print("c started")
    await asyncio.sleep(0.3)
    print("c finished")
    return "c"

async def main():
    result = await asyncio.gather(a(), b(), c())
    print("Result:", result)

asyncio.run(main())
`;
