# The older style many course notes use: get_event_loop() and run_until_complete, then close.
import asyncio


async def greet(name, seconds):
    await asyncio.sleep(seconds)
    print(f"hello {name} at {asyncio.get_event_loop().time():.3f}")
    return name


loop = asyncio.get_event_loop()
print("same loop twice:", loop is asyncio.get_event_loop())
results = loop.run_until_complete(asyncio.gather(greet("world", 1.0), greet("class", 0.5)))
print(results)
task = loop.create_task(greet("again", 0.25))
loop.run_until_complete(task)
print(f"loop time {loop.time():.3f}, running: {loop.is_running()}")
loop.close()
print("closed:", loop.is_closed())
