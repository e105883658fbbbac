// The lesson picker: the lessons Vite bundles are the files on disk, the list's keyboard
// movement, and the component itself, compiled by Svelte (its accessibility checks included)
// and rendered on the server to check the markup a screen reader and Playwright see.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { afterAll, describe, expect, it } from 'vitest';
import { LESSON_IDS, parseLesson } from '../../lessons/lessons';
import { BUILTIN_LESSONS, lessonById } from '../../renderer/src/lessons/builtin';
import { nextFocus } from '../../renderer/src/lessons/pickerKeys';
import { LESSONS_DIR } from './python';

const PICKER_DIR = fileURLToPath(new URL('../../renderer/src/lessons/', import.meta.url));
const PICKER = join(PICKER_DIR, 'LessonPicker.svelte');

describe('bundled lessons', () => {
  it('the lessons Vite bundles with import.meta.glob are the files on disk, parsed, in teaching order', () => {
    expect(BUILTIN_LESSONS.map((lesson) => lesson.id)).toEqual([...LESSON_IDS]);
    expect([...BUILTIN_LESSONS]).toEqual(
      LESSON_IDS.map((id) => parseLesson(id, readFileSync(join(LESSONS_DIR, `${id}.py`), 'utf8'))),
    );
  });

  it('lessonById finds a lesson and its compare partner, and nothing for an unknown id', () => {
    expect(lessonById(lessonById('02a-sync-waits')!.compareWith!)?.title).toBe(
      'Sync vs async, part 2: downloading concurrently',
    );
    expect(lessonById('99-nothing')).toBeUndefined();
  });
});

describe('lesson list keys', () => {
  it('arrows move one lesson and stop at the ends; Home and End jump; other keys are not the list’s', () => {
    expect(
      [
        ['ArrowDown', 0],
        ['ArrowDown', 15],
        ['ArrowUp', 3],
        ['ArrowUp', 0],
        ['Home', 9],
        ['End', 2],
        ['Enter', 2],
        ['ArrowRight', 2],
      ].map(([key, index]) => nextFocus(key as string, index as number, 16)),
    ).toEqual([1, 15, 2, 0, 0, 15, null, null]);
    expect(nextFocus('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('LessonPicker.svelte', () => {
  const source = readFileSync(PICKER, 'utf8');
  const temp = mkdtempSync(join(tmpdir(), 'lesson-picker-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  async function renderPicker(props: Record<string, unknown>): Promise<string> {
    const { js } = compile(source, { filename: PICKER, generate: 'server' });
    // Point the component's own imports at the real files, then load it like any module.
    const code = js.code.replace(
      /from '\.\/(\w+)'/g,
      (_m, name: string) => `from '${pathToFileURL(join(PICKER_DIR, `${name}.ts`)).href}'`,
    );
    const file = join(temp, `picker-${Object.keys(props).join('-') || 'plain'}.js`);
    writeFileSync(file, code);
    const component = (await import(/* @vite-ignore */ pathToFileURL(file).href)).default;
    return render(component, { props: { onpick: () => {}, ...props } }).body;
  }

  it('compiles with no warnings, Svelte’s accessibility checks included', () => {
    const { warnings } = compile(source, { filename: PICKER, generate: 'client' });
    expect(warnings.map((w) => w.message)).toEqual([]);
  });

  it('lists every lesson as a button with its test id, title and explanation, with one tab stop', async () => {
    const html = await renderPicker({});
    const buttons = [...html.matchAll(/<button[^>]*data-testid="lesson-([^"]+)"[^>]*>/g)];
    expect(buttons.map((b) => b[1])).toEqual([...LESSON_IDS]);
    expect(buttons.map((b) => /tabindex="(-?\d)"/.exec(b[0])![1])).toEqual(['0', ...Array(18).fill('-1')]);
    expect(html).toContain('data-testid="lesson-picker"');
    for (const lesson of BUILTIN_LESSONS) {
      expect(html).toContain(`id="lesson-explanation-${lesson.id}"`);
      expect(html).toContain(lesson.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    }
    expect(html.match(/side by side with lesson 2[ab]/g)).toEqual([
      'side by side with lesson 2b',
      'side by side with lesson 2a',
    ]);
  });

  it('marks the open lesson, and only it, with aria-current', async () => {
    const html = await renderPicker({ current: '09-queue' });
    const marked = [...html.matchAll(/<button[^>]*aria-current="true"[^>]*>/g)];
    expect(marked.map((b) => /data-testid="([^"]+)"/.exec(b[0])![1])).toEqual(['lesson-09-queue']);
  });
});
