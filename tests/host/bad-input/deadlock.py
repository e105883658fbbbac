import asyncio

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()

    async def one():
        async with a:
            await asyncio.sleep(0.1)
            async with b:
                pass

    async def two():
        async with b:
            await asyncio.sleep(0.1)
            async with a:
                pass

    await asyncio.gather(one(), two())

asyncio.run(main())
