// What belongs to the old program goes with it: code replaced wholesale is a new program, and
// the line marked as where a run failed is where its exception was raised.
import { describe, expect, it } from 'vitest';
import { replacesProgram } from '../../renderer/src/run/replaced';
import { errorLineOf } from '../../renderer/src/player/errorLine';
import { endedTrace } from '../../engine/core/ended-trace';
import type { Trace } from '../../common/trace';

const LESSON = `import asyncio

async def worker(name):
    print(f"{name} starts")
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(worker("a"), worker("b"))

asyncio.run(main())
`;

describe('a replaced program', () => {
  it('is one that keeps almost none of the old lines; an edit, a paste at the end or an empty editor is not', () => {
    expect(replacesProgram(LESSON, 'def f():\n    raise ValueError("mine")\n\nf()\n')).toBe(true);
    expect(replacesProgram(LESSON, LESSON.replace('sleep(1)', 'sleep(2)'))).toBe(false);
    expect(replacesProgram(LESSON, `${LESSON}\nprint("more")\n`)).toBe(false);
    expect(replacesProgram(LESSON, '')).toBe(false);
  });
});

describe('the failed line', () => {
  it("is the traceback's innermost line in the program's file (a to_thread worker's raise), not the await", () => {
    const trace: Trace = endedTrace(
      'x',
      'tt.py',
      {},
      {
        kind: 'exception',
        message: 'ValueError: bad n',
        exitCode: 1,
        line: 13,
      },
    );
    trace.events.push({
      t: 'output',
      stream: 'stderr',
      text: 'Traceback (most recent call last):\n  File "tt.py", line 17, in <module>\n    asyncio.run(main())\n  File "tt.py", line 13, in main\n    r = await asyncio.to_thread(blocking, 2)\n  File "tt.py", line 8, in blocking\n    raise ValueError("bad n")\nValueError: bad n\n',
    });
    expect(errorLineOf(trace)).toBe(8);
    // A syntax error or a runaway keeps the engine's line.
    expect(
      errorLineOf(endedTrace('x', 'tt.py', {}, { kind: 'syntaxError', message: 'x', exitCode: 1, line: 3 })),
    ).toBe(3);
  });
});
