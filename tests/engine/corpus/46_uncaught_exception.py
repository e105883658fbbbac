# An exception nobody catches ends asyncio.run and the program with a traceback.
# exit: exception
import asyncio


async def parse(text):
    await asyncio.sleep(0.2)
    print(f"parsing {text!r} at {asyncio.get_running_loop().time():.3f}")
    return int(text)


async def main():
    print(await parse("12"))
    print(await parse("twelve"))
    print("never printed")


asyncio.run(main())
