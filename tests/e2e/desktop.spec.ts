// Desktop workflow through the preload API: the DesktopController (renderer/src/desktop) on a
// test page, window.loopscope built by the preload's createApi, and the real main-side
// services (session, settings, drafts, export writer) over a temp directory behind it. The
// dialogs answer from a script; the harness plays the menu, the OS and the window's buttons.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type LoopscopeHarness } from './harness';
import { DESKTOP_PAGE_HTML, desktopPageScript } from './desktop-support';

async function openDesktopPage({ page }: LoopscopeHarness): Promise<void> {
  const script = await desktopPageScript();
  await page.route('**/desktop-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: DESKTOP_PAGE_HTML }),
  );
  await page.route('**/desktop-test.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: script }),
  );
  await page.goto('/desktop-test.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'yes');
  // startup() answered: the saved theme is applied.
  await expect(page.locator('html')).toHaveAttribute('data-theme', /.+/);
}

// No program runs here: skip starting Pyodide.
test.use({ engine: false });

const editor = (h: LoopscopeHarness) => h.page.locator('#editor');
const notices = (h: LoopscopeHarness) => h.page.getByTestId('notice-text');

test.describe('files', () => {
  test('File > Open reads the chosen program into the editor and lists it under Open Recent', async ({
    loopscope,
  }) => {
    await openDesktopPage(loopscope);
    const path = loopscope.desktop.write('gather.py', 'import asyncio\nprint("hi")\n');
    loopscope.desktop.dialog.openAnswers.push(path);
    await loopscope.menu('file:open');
    await expect(editor(loopscope)).toHaveValue('import asyncio\nprint("hi")\n');
    await expect(loopscope.page.locator('#name')).toHaveText('gather.py');
    await expect.poll(() => loopscope.desktop.settings.get().recentFiles).toEqual([path]);
  });

  for (const [name, content, message] of [
    [
      'photo.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      '“photo.png” is not a text file (it contains binary data), so it was not opened.',
    ],
    [
      'latin1.py',
      new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      '“latin1.py” is not UTF-8 text, so it was not opened. Save it as UTF-8 and open it again.',
    ],
    [
      'huge.py',
      'x'.repeat(2_000_001),
      '“huge.py” is 2.0 MB; Loopscope opens programs up to 2.0 MB, so it was not opened.',
    ],
  ] as const) {
    test(`opening ${name} gives a clear message and changes nothing`, async ({ loopscope }) => {
      await openDesktopPage(loopscope);
      await editor(loopscope).fill('print("mine")\n');
      loopscope.desktop.dialog.openAnswers.push(loopscope.desktop.write(name, content));
      loopscope.page.evaluate(
        () => ((window as unknown as { __confirmAnswer: boolean }).__confirmAnswer = true),
      );
      await loopscope.menu('file:open');
      await expect(notices(loopscope)).toHaveText(message);
      await expect(editor(loopscope)).toHaveValue('print("mine")\n');
      expect(loopscope.desktop.session.currentPath).toBeNull();
    });
  }

  test('a missing file or a folder gives a clear message', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    loopscope.desktop.dialog.openAnswers.push(loopscope.desktop.path('gone.py'), loopscope.desktop.dir);
    await loopscope.menu('file:open');
    await expect(notices(loopscope).first()).toHaveText(/“gone.py” could not be opened: it does not exist/);
    await loopscope.menu('file:open');
    await expect(notices(loopscope).nth(1)).toHaveText(/is a folder, not a file, so it was not opened\./);
  });

  test('Save on an untitled program asks where, then Save writes there again without asking', async ({
    loopscope,
  }) => {
    await openDesktopPage(loopscope);
    await editor(loopscope).fill('print(1)\n');
    await expect.poll(() => loopscope.desktop.session.isDirty).toBe(true);
    loopscope.desktop.dialog.saveAnswers.push(loopscope.desktop.path('lesson'));
    await loopscope.menu('file:save');
    await expect(loopscope.page.locator('#name')).toHaveText('untitled.py');
    await expect.poll(() => existsSync(loopscope.desktop.path('lesson.py'))).toBe(true);
    expect(readFileSync(loopscope.desktop.path('lesson.py'), 'utf8')).toBe('print(1)\n');
    await expect.poll(() => loopscope.desktop.session.isDirty).toBe(false);
    await editor(loopscope).fill('print(2)\n');
    await loopscope.menu('file:save');
    await expect.poll(() => readFileSync(loopscope.desktop.path('lesson.py'), 'utf8')).toBe('print(2)\n');
    expect(loopscope.desktop.dialog.asked).toEqual(['save:Save program:untitled.py']);
  });

  test('a file dropped on the window opens; a File not from the disk is refused', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const path = loopscope.desktop.write('dropped.py', 'print("dropped")\n');
    const drop = (name: string) =>
      loopscope.page.evaluate(
        ([fileName, filePath]) => {
          (window as unknown as { __loopscopeDropPaths: Record<string, string> }).__loopscopeDropPaths = {
            'dropped.py': filePath,
          };
          const data = new DataTransfer();
          data.items.add(new File(['ignored: main reads the disk'], fileName));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
        },
        [name, path] as const,
      );
    await drop('dropped.py');
    await expect(editor(loopscope)).toHaveValue('print("dropped")\n');
    await drop('made-in-js.py');
    await expect(notices(loopscope)).toHaveText('Only files from your disk can be dropped here.');
  });

  test('a file named by the OS opens, after asking about unsaved edits', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const path = loopscope.desktop.write('from-finder.py', 'print("os")\n');
    await editor(loopscope).fill('unsaved work\n');
    await expect.poll(() => loopscope.desktop.session.isDirty).toBe(true);
    await loopscope.page.evaluate(
      () => ((window as unknown as { __confirmAnswer: boolean }).__confirmAnswer = false),
    );
    loopscope.desktop.offer(path, 'os');
    await expect
      .poll(() => loopscope.page.evaluate(() => (window as unknown as { __confirmed: string[] }).__confirmed))
      .toEqual(['Discard the unsaved changes to untitled.py?']);
    await expect(editor(loopscope)).toHaveValue('unsaved work\n');
    await loopscope.page.evaluate(
      () => ((window as unknown as { __confirmAnswer: boolean }).__confirmAnswer = true),
    );
    loopscope.desktop.offer(path, 'os');
    await expect(editor(loopscope)).toHaveValue('print("os")\n');
  });

  test('the renderer cannot open a path main never offered', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const error = await loopscope.page.evaluate(() =>
      window.loopscope.file.openPath('/etc/passwd').then(
        () => 'opened',
        (e: Error) => e.message,
      ),
    );
    expect(error).toBe('“passwd” was not offered by Loopscope; open it with File > Open.');
  });

  test('a change on disk is offered for reload', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const path = loopscope.desktop.write('watched.py', 'v = 1\n');
    loopscope.desktop.dialog.openAnswers.push(path);
    await loopscope.menu('file:open');
    await expect(editor(loopscope)).toHaveValue('v = 1\n');
    loopscope.desktop.write('watched.py', 'v = 2  # edited elsewhere\n');
    loopscope.desktop.touch(path);
    const bar = loopscope.page.getByTestId('file-changed');
    await expect(bar).toContainText('watched.py changed on disk.');
    await bar.getByRole('button', { name: 'Reload' }).click();
    await expect(editor(loopscope)).toHaveValue('v = 2  # edited elsewhere\n');
    await expect(bar).toHaveCount(0);
  });
});

test.describe('unsaved edits', () => {
  test('closing asks: Cancel keeps the window; Save writes the file through the renderer, then closes', async ({
    loopscope,
  }) => {
    await openDesktopPage(loopscope);
    const path = loopscope.desktop.write('close-me.py', 'a = 1\n');
    loopscope.desktop.dialog.openAnswers.push(path);
    await loopscope.menu('file:open');
    await expect(editor(loopscope)).toHaveValue('a = 1\n');
    await editor(loopscope).fill('a = 2\n');
    await expect.poll(() => loopscope.desktop.session.isDirty).toBe(true);
    loopscope.desktop.dialog.unsavedAnswers.push('cancel');
    expect(await loopscope.desktop.requestClose()).toBe(false);
    expect(loopscope.desktop.closed).toBe(false);
    loopscope.desktop.dialog.unsavedAnswers.push('save');
    expect(await loopscope.desktop.requestClose()).toBe(false); // the renderer saves, then closes
    await expect.poll(() => loopscope.desktop.closed).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('a = 2\n');
    expect(loopscope.desktop.dialog.asked.filter((a) => a.startsWith('unsaved:'))).toEqual([
      'unsaved:close-me.py',
      'unsaved:close-me.py',
    ]);
  });

  test('edits are kept as a draft while unsaved, and saving clears it', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const draftFile = join(loopscope.desktop.userData, 'drafts', 'draft.json');
    await editor(loopscope).fill('draft me\n');
    await expect
      .poll(() => existsSync(draftFile) && JSON.parse(readFileSync(draftFile, 'utf8')).text)
      .toBe('draft me\n');
    loopscope.desktop.dialog.saveAnswers.push(loopscope.desktop.path('kept.py'));
    await loopscope.menu('file:save');
    await expect.poll(() => existsSync(draftFile)).toBe(false);
  });
});

test.describe('draft recovery after a crash', () => {
  test.use({
    userDataSeed: {
      'drafts/draft.json': JSON.stringify({
        version: 1,
        text: 'print("recovered")\n',
        path: null,
        name: 'untitled.py',
        savedAt: 1_764_000_000_000,
      }),
    },
  });

  test('the draft is offered at start; Recover brings the text back, unsaved', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const offer = loopscope.page.getByTestId('draft-offer');
    await expect(offer).toContainText('Unsaved changes to untitled.py');
    await offer.getByRole('button', { name: 'Recover' }).click();
    await expect(editor(loopscope)).toHaveValue('print("recovered")\n');
    await expect(offer).toHaveCount(0);
    expect(loopscope.desktop.session.isDirty).toBe(true);
  });

  test('Discard drops the draft for good', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    await loopscope.page.getByTestId('draft-offer').getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => existsSync(join(loopscope.desktop.userData, 'drafts', 'draft.json'))).toBe(false);
    await expect(editor(loopscope)).toHaveValue('');
  });
});

test.describe('settings', () => {
  test.describe('corrupt settings', () => {
    test.use({ userDataSeed: { 'settings.json': '{"theme": "light", "speed": ' } });

    test('are reset with a notice, never a crash', async ({ loopscope }) => {
      await openDesktopPage(loopscope);
      await expect(notices(loopscope)).toHaveText(
        'Your settings file was damaged and has been reset to the defaults (the old file was kept as settings.corrupt.json).',
      );
      await expect(loopscope.page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(
        JSON.parse(readFileSync(join(loopscope.desktop.userData, 'settings.json'), 'utf8')),
      ).toMatchObject({ version: 1, theme: 'dark' });
      expect(readFileSync(join(loopscope.desktop.userData, 'settings.corrupt.json'), 'utf8')).toBe(
        '{"theme": "light", "speed": ',
      );
    });
  });

  test.describe('unknown settings', () => {
    test.use({
      userDataSeed: {
        'settings.json': JSON.stringify({ version: 1, theme: 'light', speed: -3, sparkles: true }),
      },
    });

    test('are reset one by one, keeping the good ones', async ({ loopscope }) => {
      await openDesktopPage(loopscope);
      await expect(notices(loopscope)).toHaveText(
        'Some settings could not be used and were reset: “speed” was -3; reset to 1; unknown setting “sparkles” removed.',
      );
      await expect(loopscope.page.locator('html')).toHaveAttribute('data-theme', 'light');
    });
  });

  test('View > Theme applies at once and is saved', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    await loopscope.desktop.settings.set({ theme: 'high-contrast' }); // what the View > Theme menu does in main
    const html = loopscope.page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'high-contrast');
    expect(
      await loopscope.page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--ls-bg'),
      ),
    ).toBe('#000000');
    await loopscope.page.evaluate(() => window.loopscope.settings.set({ theme: 'light' }));
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(JSON.parse(readFileSync(join(loopscope.desktop.userData, 'settings.json'), 'utf8')).theme).toBe(
      'light',
    );
  });

  test('a setting outside its range is refused with a message', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const error = await loopscope.page.evaluate(() =>
      window.loopscope.settings.set({ zoom: 40 }).then(
        () => 'saved',
        (e: Error) => e.message,
      ),
    );
    expect(error).toMatch(/^settings:set: invalid request at zoom/);
  });
});

test.describe('presentation mode', () => {
  test('F5 enters full screen; clicker keys step; B blanks and any key restores; Esc leaves', async ({
    loopscope,
  }) => {
    const { page } = loopscope;
    await openDesktopPage(loopscope);
    const html = page.locator('html');
    const step = page.locator('#step');
    await editor(loopscope).focus(); // the editor had focus: the clicker must still step
    await loopscope.menu('view:presentation');
    await expect(html).toHaveAttribute('data-presenting', '');
    await expect(html).toHaveAttribute('data-theme', 'high-contrast');
    expect(loopscope.desktop.presenting).toBe(true);

    for (const key of ['PageDown', 'ArrowRight', 'Space', 'ArrowDown']) await page.keyboard.press(key);
    await expect(step).toHaveText('4');
    for (const key of ['PageUp', 'ArrowLeft']) await page.keyboard.press(key);
    await expect(step).toHaveText('2');
    await page.keyboard.press('End');
    await expect(step).toHaveText('99');
    await page.keyboard.press('Home');
    await expect(step).toHaveText('0');

    await page.keyboard.press('b');
    await expect(html).toHaveAttribute('data-blank', '');
    await page.keyboard.press('PageDown'); // restores, does not step
    await expect(html).not.toHaveAttribute('data-blank');
    await expect(step).toHaveText('0');
    await page.keyboard.press('.');
    await expect(html).toHaveAttribute('data-blank', '');
    await page.keyboard.press('x');
    await expect(html).not.toHaveAttribute('data-blank');

    await page.keyboard.press('F5'); // a clicker's start/stop button: no-op while presenting
    expect(loopscope.desktop.presentationCalls).toEqual([true]);
    await page.keyboard.press('Escape');
    await expect(html).not.toHaveAttribute('data-presenting');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(loopscope.desktop.presentationCalls).toEqual([true, false]);
    expect(loopscope.desktop.presenting).toBe(false);
    await page.keyboard.press('PageDown'); // not presenting: the controller leaves keys to the app
    await expect(step).toHaveText('0');
  });

  test('the blank screen covers everything in black', async ({ loopscope }) => {
    const { page } = loopscope;
    await openDesktopPage(loopscope);
    await page.evaluate(() => window.loopscope.app.presentation(true));
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    await page.keyboard.press('b');
    const shot = await page.screenshot();
    // Every sampled pixel black: decode via the browser to avoid a PNG dependency.
    const black = await page.evaluate(
      async (bytes) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        for (let i = 0; i < data.length; i += 4 * 997)
          if (data[i] + data[i + 1] + data[i + 2] > 0) return false;
        return true;
      },
      [...shot],
    );
    expect(black).toBe(true);
  });

  test('the cursor hides while the mouse is idle and comes back when it moves', async ({ loopscope }) => {
    const { page } = loopscope;
    await openDesktopPage(loopscope);
    await loopscope.menu('view:presentation');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-cursor', 'hidden');
    await page.mouse.move(200, 200);
    await expect(html).not.toHaveAttribute('data-cursor');
    await expect(html).toHaveAttribute('data-cursor', 'hidden');
  });

  test('leaving full screen from the OS ends presentation mode', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    await loopscope.menu('view:presentation');
    await expect(loopscope.page.locator('html')).toHaveAttribute('data-presenting', '');
    await loopscope.event('app:presentationChanged', false);
    await expect(loopscope.page.locator('html')).not.toHaveAttribute('data-presenting');
  });
});

test.describe('export', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  test('each File > Export kind writes a valid file at the chosen path', async ({ loopscope }) => {
    await openDesktopPage(loopscope);
    const d = loopscope.desktop;
    const cases = [
      ['timeline-png', 'timeline.png'],
      ['stage-png', 'stage.png'],
      ['timeline-svg', 'timeline.svg'],
      ['trace-json', 'trace.json'],
      ['steps-md', 'steps.md'],
    ] as const;
    for (const [kind, file] of cases) {
      d.dialog.saveAnswers.push(d.path(file));
      await loopscope.event('file:exportRequest', kind);
      await expect(notices(loopscope).last()).toHaveText(`Exported to ${d.path(file)}`);
    }
    for (const file of ['timeline.png', 'stage.png']) {
      const bytes = readFileSync(d.path(file));
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([40, 20]);
    }
    expect(readFileSync(d.path('timeline.svg'), 'utf8')).toMatch(/^<svg /);
    expect(JSON.parse(readFileSync(d.path('trace.json'), 'utf8'))).toMatchObject({ version: 1 });
    expect(readFileSync(d.path('steps.md'), 'utf8')).toContain('| step | time | ran |');
    expect(d.dialog.asked).toEqual([
      'save:Export:untitled.png',
      'save:Export:untitled.png',
      'save:Export:untitled.svg',
      'save:Export:untitled.json',
      'save:Export:untitled.md',
    ]);
  });

  test('a cancelled export writes nothing; bytes that are not the kind are refused', async ({
    loopscope,
  }) => {
    await openDesktopPage(loopscope);
    await loopscope.event('file:exportRequest', 'trace-json');
    await expect.poll(() => loopscope.desktop.dialog.asked).toEqual(['save:Export:untitled.json']);
    await expect(notices(loopscope)).toHaveCount(0);
    const error = await loopscope.page.evaluate(() =>
      window.loopscope.file.export({ kind: 'stage-png', data: new Uint8Array([1, 2, 3]), name: 'x' }).then(
        () => 'written',
        (e: Error) => e.message,
      ),
    );
    expect(error).toBe('The exported image is not a PNG.');
  });
});
