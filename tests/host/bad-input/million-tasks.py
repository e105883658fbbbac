import asyncio

async def noop():
    pass

async def main():
    tasks = [asyncio.create_task(noop()) for _ in range(10**6)]
    await asyncio.gather(*tasks)

asyncio.run(main())
