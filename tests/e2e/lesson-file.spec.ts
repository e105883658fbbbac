// A teacher's own lesson file, opened from disk with File > Open, plays like a built-in lesson
// (title and explanation above the stage, bookmarks on the timeline with their captions); a
// header Loopscope cannot read says so; File > New Lesson from This Program writes a header.
import { expect, test, type LoopscopeHarness } from './harness';

const PROGRAM = `import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")


async def main():
    await asyncio.gather(worker("a", 0.2), worker("b", 0.1))


asyncio.run(main())
`;

const LESSON = `"""Two workers, the shorter sleep first

Both workers start at once and sleep; the loop wakes b first because its timer is earlier,
although a started first.

Bookmarks:
    when "b done" is printed -> watch: b finishes first although a started first

Questions:
    when "b done" is printed -> Which worker prints first? -> a | *b -> b's timer, 0.1 s, is the earliest deadline
"""
${PROGRAM}`;

async function openFile(h: LoopscopeHarness, name: string, text: string): Promise<void> {
  await h.page.goto('/index.html');
  await expect(h.page.getByTestId('run-status')).toContainText('.py:', { timeout: 90_000 });
  h.desktop.dialog.openAnswers.push(h.desktop.write(name, text));
  await h.menu('file:open');
  await expect(h.page.getByTestId('run-status')).toContainText(`${name}:`, { timeout: 90_000 });
}

test('a lesson file opened from disk plays like a built-in lesson', async ({ loopscope }) => {
  const { page } = loopscope;
  await openFile(loopscope, 'two_workers.py', LESSON);
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-lesson', 'two_workers');
  await expect(bar).toContainText('Two workers, the shorter sleep first');
  await expect(page.getByTestId('lesson-explanation')).toContainText('the loop wakes b first');
  await page.keyboard.press(']');
  await expect(page.getByTestId('bookmark-caption')).toHaveText(
    '★ watch: b finishes first although a started first',
  );
  await expect(page.getByTestId('console')).toContainText('b done');
  await expect(page.getByTestId('console')).not.toContainText('a done');
});

test('a lesson header Loopscope cannot read says why, and the program still runs', async ({ loopscope }) => {
  const broken = LESSON.replace('    when "b done" is printed -> watch', '    when b is done -> watch');
  await openFile(loopscope, 'broken_lesson.py', broken);
  await expect(loopscope.page.getByTestId('lesson-header-problem')).toContainText(
    'broken_lesson.py has a lesson header Loopscope cannot read',
  );
  await expect(loopscope.page.getByTestId('lesson-bar')).toHaveCount(0);
});

test('File > New Lesson from This Program writes a header that makes it a lesson', async ({ loopscope }) => {
  const { page } = loopscope;
  await openFile(loopscope, 'race.py', PROGRAM);
  await expect(page.getByTestId('lesson-bar')).toHaveCount(0);
  await loopscope.menu('file:lessonFromProgram');
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-lesson', 'race');
  await expect(page.getByTestId('lesson-bar')).toContainText('Race');
  // The header is in the editor, folded as a lesson's is (the bar above the stage shows it).
  await expect(page.locator('.cm-content')).toContainText('"""Race');
  await expect(page.getByTestId('run-status')).toContainText('race.py:');
  await page.keyboard.press('End');
  await expect(page.getByTestId('bookmark-caption')).toContainText('the run is over at t=0.2 s');
  // Once it has a header, the command says what to do instead of writing a second one.
  await loopscope.menu('file:lessonFromProgram');
  await expect(page.getByTestId('notice-text').last()).toContainText('already starts with a docstring');
});
