// Files on the virtual clock (engine/python/world/files.py): a fresh in-memory disk per run, no
// host files, a per-operation latency spent by the thread that makes the call (a blocking read
// in a coroutine stalls the loop, the same read through to_thread does not), a directive to set
// it, a cap on bytes written, and imports that pay nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import { out, stalled, stalls } from './helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const run = (src: string, options = {}) => engine.run(src, 'main.py', options);

describe('a fresh file system for every run', () => {
  it('never shows one run what another wrote, in the working directory or /tmp', async () => {
    const write = `import os
with open("statistics.py", "w") as f:
    f.write("raise SystemExit('shadowed')\\n")
open("/tmp/left-over", "w").close()
os.makedirs("deep/dir")
print(sorted(os.listdir(".")), os.listdir("/tmp"))
`;
    expect(out(await run(write))).toBe("['deep', 'statistics.py'] ['left-over']\n");
    const t = await run(`import os, statistics
print(statistics.mean([1, 2, 3]), os.listdir("."), os.listdir("/tmp"), os.getcwd())
`);
    expect(out(t)).toBe('2 [] [] /home/pyodide\n');
    expect(t.end.kind).toBe('ok');
  });

  it('starts every run in its working directory even if the last one changed it', async () => {
    await run(`import os
os.chdir("/tmp")
`);
    expect(out(await run('import os\nprint(os.getcwd())\n'))).toBe('/home/pyodide\n');
  });

  it('shows none of the host machine', async () => {
    const t = await run(`import os
print([p for p in ("/etc/passwd", "/work", "/usr", "/root", "/proc/self/environ") if os.path.exists(p)])
`);
    expect(out(t)).toMatch(/^\[(?:'\/proc\/self\/environ')?\]\n$/);
  });

  it('refuses writes outside the working directory and /tmp', async () => {
    const t = await run(`import errno, os
for action in (lambda: open("/lib/x.py", "w"), lambda: os.mkdir("/evil"), lambda: os.remove("/lib/python314.zip")):
    try:
        action()
    except PermissionError as e:
        print(errno.errorcode[e.errno], e.strerror.split(" (")[0])
print(os.path.exists("/evil"), os.path.exists("/lib/python314.zip"))
`);
    expect(out(t)).toBe(
      'EROFS Read-only file system\nEROFS Read-only file system\nEROFS Read-only file system\nFalse True\n',
    );
  });

  it('supports files left open at the end: the next run starts clean', async () => {
    await run(`fs = [open(f"f{i}", "w") for i in range(50)]\n`);
    expect(out(await run('import os\nprint(os.listdir("."))\nopen("x", "w").close()\n'))).toBe('[]\n');
  });
});

const READS = `# loopscope: disk-latency=0.05
import asyncio, time

def read(path):
    with open(path) as f:
        return f.read()

async def main():
    with open("a.txt", "w") as f:
        f.write("hello")
    t0 = time.monotonic()
    read("a.txt")
    t1 = time.monotonic()
    await asyncio.to_thread(read, "a.txt")
    t2 = time.monotonic()
    print(round(t1 - t0, 3), round(t2 - t1, 3))

asyncio.run(main())
`;

describe('disk latency', () => {
  it('makes a blocking read in a coroutine stall the loop; through to_thread it does not', async () => {
    const t = await run(READS);
    // open + read: two operations of 0.05 s each, blocked on the loop's thread or on a worker's.
    expect(out(t)).toBe('0.1 0.1\n');
    // Writing (open, write at close) and reading in the coroutine: four stalls of 0.05 s.
    expect(stalls(t)).toHaveLength(4);
    expect(stalled(t)).toBeCloseTo(0.2, 9);
  });

  it('defaults to 5 ms per operation and is free for imports', async () => {
    const t = await run(`import time, json, statistics, fractions, decimal
print(time.monotonic())
open("x", "w").close()
print(time.monotonic())
`);
    expect(out(t)).toBe('0.0\n0.005\n');
  });

  it('costs each os operation on the disk', async () => {
    const t = await run(`# loopscope: disk-latency=0.5
import os, time
os.mkdir("d")
os.listdir("d")
os.stat("d")
os.rmdir("d")
os.path.exists("d")
print(time.monotonic())
`);
    expect(out(t)).toBe('2.5\n');
  });

  it('says which line holds a bad directive value', async () => {
    const t = await run(`import time

# loopscope: disk-latency=fast
print("never")
`);
    expect(t.end.kind).toBe('exception');
    expect(t.end.line).toBe(3);
    expect(t.end.message).toContain('disk-latency');
    expect(out(t, 'stderr')).toContain('line 3');
    expect(out(t)).toBe('');
  });

  it('leaves other directive keys alone', async () => {
    const t = await run(`# loopscope: latency example.com=0.1
# loopscope: disk-latency=0
open("x", "w").close()
import time
print(time.monotonic())
`);
    expect(out(t)).toBe('0.0\n');
  });
});

describe('the file cap', () => {
  it('ends a program writing 1 GB with a cap naming the option, and the next run works', async () => {
    const t = await run(`# loopscope: disk-latency=0
chunk = b"x" * (1 << 20)
with open("big.bin", "wb") as f:
    for _ in range(1024):
        f.write(chunk)
print("unreachable")
`);
    expect(t.end.kind).toBe('capFiles');
    expect(t.end.option).toBe('--max-file-bytes');
    expect(t.end.message).toContain('--max-file-bytes');
    expect(out(t)).toBe('');
    const next = await run('import os\nopen("small", "w").write("ok")\nprint(os.listdir("."))\n');
    expect(out(next)).toBe("['small']\n");
  });

  it('catches a seek far past the end, and truncate, before memory is taken', async () => {
    const seek = await run(`f = open("sparse", "wb")
f.seek(10**10)
f.write(b"x")
f.flush()
`);
    expect(seek.end.kind).toBe('capFiles');
    const truncate = await run(`open("t", "wb").truncate(10**10)\n`);
    expect(truncate.end.kind).toBe('capFiles');
  });

  it('ends the run from inside a worker thread too, and the next run works', async () => {
    const t = await run(
      `# loopscope: disk-latency=0
import asyncio
def write():
    with open("big", "wb") as f:
        while True:
            f.write(b"x" * (1 << 20))
async def main():
    print("start")
    await asyncio.to_thread(write)
asyncio.run(main())
`,
      { maxFileBytes: 4_000_000 },
    );
    expect(out(t)).toBe('start\n');
    expect(t.end.kind).toBe('capFiles');
    expect(out(await run('import os\nprint(os.listdir("."))\n'))).toBe('[]\n');
  });

  it('raises the cap with maxFileBytes', async () => {
    const t = await run('open("f", "wb").write(b"x" * 2000)\n', { maxFileBytes: 1000 });
    expect(t.end.kind).toBe('capFiles');
    expect(t.end.message).toContain('more than 1,000 bytes');
  });

  it.each([
    ['io.FileIO', 'import io\nio.FileIO("f", "w").write(b"x" * 2000)\n'],
    ['_io.FileIO', 'import _io\n_io.FileIO("f", "w").write(b"x" * 2000)\n'],
    ['os.pwrite', 'import os\nfd = os.open("f", os.O_WRONLY | os.O_CREAT)\nos.pwrite(fd, b"y", 5000)\n'],
    [
      'os.writev',
      'import os\nfd = os.open("f", os.O_WRONLY | os.O_CREAT)\nos.writev(fd, [b"x" * 600] * 2)\n',
    ],
  ])('counts writes through %s against the cap', async (_route, source) => {
    const t = await run(source, { maxFileBytes: 1000 });
    expect(t.end.kind).toBe('capFiles');
  });
});
