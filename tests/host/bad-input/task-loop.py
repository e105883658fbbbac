import asyncio

async def spin():
    while True:
        pass

async def main():
    await asyncio.gather(spin(), asyncio.sleep(1))

asyncio.run(main())
