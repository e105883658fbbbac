import { mkdirSync, readFileSync, utimesSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../main/files/drafts';
import { createNodeFileSystem } from '../../main/files/node-fs';
import { filesFromArgv, filesFromSecondInstance } from '../../main/files/os-open';
import { DocumentSession, type RecentFiles } from '../../main/files/session';
import { FileProblem, MAX_FILE_BYTES, readTextFile } from '../../main/files/text-file';
import { addRecent, removeRecent } from '../../main/files/recent';
import { controlledFs, scriptedDialog, tempDir, type TempDir } from './support/desktop-fakes';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('opening a file that is not a readable text file gives a clear message', () => {
  const fs = createNodeFileSystem();
  const refusal = async (path: string): Promise<string> => {
    const error = await readTextFile(fs, path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileProblem);
    return (error as Error).message;
  };

  it('a UTF-8 program is read as text, without its byte-order mark', async () => {
    writeFileSync(
      tmp.path('ok.py'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('print("héllo")\n')]),
    );
    expect((await readTextFile(fs, tmp.path('ok.py'))).text).toBe('print("héllo")\n');
  });

  it('a missing file', async () => {
    expect(await refusal(tmp.path('gone.py'))).toBe(
      '“gone.py” could not be opened: it does not exist (it may have been moved or deleted).',
    );
  });

  it('a folder', async () => {
    mkdirSync(tmp.path('folder.py'));
    expect(await refusal(tmp.path('folder.py'))).toBe(
      '“folder.py” is a folder, not a file, so it was not opened.',
    );
  });

  it('a binary file', async () => {
    writeFileSync(tmp.path('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(await refusal(tmp.path('image.png'))).toBe(
      '“image.png” is not a text file (it contains binary data), so it was not opened.',
    );
  });

  it('a file that is not UTF-8 (Latin-1)', async () => {
    writeFileSync(tmp.path('latin1.py'), Buffer.from('print("caf\xe9")\n', 'latin1'));
    expect(await refusal(tmp.path('latin1.py'))).toBe(
      '“latin1.py” is not UTF-8 text, so it was not opened. Save it as UTF-8 and open it again.',
    );
  });

  it('a file larger than 2 MB', async () => {
    writeFileSync(tmp.path('big.py'), 'x'.repeat(MAX_FILE_BYTES + 1));
    expect(await refusal(tmp.path('big.py'))).toBe(
      '“big.py” is 2.0 MB; Loopscope opens programs up to 2.0 MB, so it was not opened.',
    );
  });
});

function recentIn(): RecentFiles & { items: string[] } {
  const recent = {
    items: [] as string[],
    list: () => recent.items,
    add: async (path: string) => {
      recent.items = addRecent(recent.items, path, 'linux');
    },
    remove: async (path: string) => {
      recent.items = removeRecent(recent.items, path, 'linux');
    },
  };
  return recent;
}

function makeSession() {
  const fs = controlledFs();
  const dialog = scriptedDialog();
  const recent = recentIn();
  const drafts = new DraftStore(fs, tmp.path('userData/drafts'), () => 1_700_000_000_000);
  const events: [string, unknown][] = [];
  const states: { name: string; dirty: boolean }[] = [];
  const session = new DocumentSession({
    fs,
    dialog,
    drafts,
    recent,
    emit: (channel: string, payload: unknown) => void events.push([channel, payload]),
    onStateChange: ({ name, dirty }) => void states.push({ name, dirty }),
    platform: 'linux',
  });
  return { fs, dialog, recent, drafts, events, states, session };
}

describe('the document session', () => {
  it('Open shows the dialog, reads the file, watches it and lists it as recent', async () => {
    const { session, dialog, fs, recent } = makeSession();
    writeFileSync(tmp.path('a.py'), 'print(1)\n');
    dialog.openAnswers.push(tmp.path('a.py'));
    expect(await session.open()).toEqual({ path: tmp.path('a.py'), name: 'a.py', text: 'print(1)\n' });
    expect(session.currentPath).toBe(tmp.path('a.py'));
    expect(fs.watched()).toEqual([tmp.path('a.py')]);
    expect(recent.items).toEqual([tmp.path('a.py')]);
  });

  it('a cancelled Open changes nothing', async () => {
    const { session } = makeSession();
    expect(await session.open()).toBeNull();
    expect(session.currentPath).toBeNull();
  });

  it('a refused file changes nothing: the open document stays', async () => {
    const { session, dialog } = makeSession();
    writeFileSync(tmp.path('a.py'), 'print(1)\n');
    writeFileSync(tmp.path('bin.dat'), Buffer.from([1, 0, 2]));
    dialog.openAnswers.push(tmp.path('a.py'), tmp.path('bin.dat'));
    await session.open();
    session.setDirty(true);
    await expect(session.open()).rejects.toThrow(/is not a text file/);
    expect(session.currentPath).toBe(tmp.path('a.py'));
    expect(session.isDirty).toBe(true);
  });

  it('a renderer cannot open a path main never offered', async () => {
    const { session } = makeSession();
    writeFileSync(tmp.path('secret.txt'), 'token');
    await expect(session.openPath(tmp.path('secret.txt'))).rejects.toThrow(
      '“secret.txt” was not offered by Loopscope; open it with File > Open.',
    );
  });

  it('a path offered by the OS or the recent list opens', async () => {
    const { session, events } = makeSession();
    writeFileSync(tmp.path('cli.py'), 'print(2)\n');
    session.offer(tmp.path('cli.py'), 'command-line');
    expect(events).toEqual([]); // not ready yet: kept for startup
    const { openRequests } = await session.startup();
    expect(openRequests).toEqual([{ path: tmp.path('cli.py'), name: 'cli.py', reason: 'command-line' }]);
    session.offer(tmp.path('cli.py'), 'os');
    expect(events).toEqual([
      ['file:openRequest', { path: tmp.path('cli.py'), name: 'cli.py', reason: 'os' }],
    ]);
    expect((await session.openPath(tmp.path('cli.py'))).text).toBe('print(2)\n');
  });

  it('a recent file that was deleted is dropped from the list when it fails to open', async () => {
    const { session, recent } = makeSession();
    recent.items = [tmp.path('gone.py')];
    await expect(session.openPath(tmp.path('gone.py'))).rejects.toThrow(/does not exist/);
    expect(recent.items).toEqual([]);
  });

  it('a dropped file must be an absolute path from the disk', async () => {
    const { session } = makeSession();
    await expect(session.openDropped('')).rejects.toThrow('Only files from your disk can be dropped here.');
    await expect(session.openDropped('relative.py')).rejects.toThrow(
      'Only files from your disk can be dropped here.',
    );
    writeFileSync(tmp.path('drop.py'), 'x = 1\n');
    expect((await session.openDropped(tmp.path('drop.py'))).name).toBe('drop.py');
  });

  it('Save on an untitled program asks where, adds .py, and later saves go to that file', async () => {
    const { session, dialog } = makeSession();
    dialog.saveAnswers.push(tmp.path('new'));
    expect(await session.save('print(3)\n')).toEqual({ path: tmp.path('new.py'), name: 'new.py' });
    expect(dialog.asked).toEqual(['save:Save program:untitled.py']);
    await session.save('print(4)\n');
    expect(readFileSync(tmp.path('new.py'), 'utf8')).toBe('print(4)\n');
    expect(dialog.asked).toHaveLength(1);
  });

  it('Save As never adds an extension onto an existing file the dialog did not confirm', async () => {
    const { session, dialog } = makeSession();
    writeFileSync(tmp.path('prog.py'), 'keep me');
    dialog.saveAnswers.push(tmp.path('prog'));
    await session.saveAs('print(5)\n');
    expect(readFileSync(tmp.path('prog.py'), 'utf8')).toBe('keep me');
    expect(readFileSync(tmp.path('prog'), 'utf8')).toBe('print(5)\n');
  });

  it('a change on disk is reported once; our own save is not a change', async () => {
    const { session, dialog, fs, events } = makeSession();
    writeFileSync(tmp.path('w.py'), 'v1\n');
    dialog.openAnswers.push(tmp.path('w.py'));
    await session.open();
    await session.save('v2\n');
    fs.touch(tmp.path('w.py'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
    writeFileSync(tmp.path('w.py'), 'v3 from another editor\n');
    utimesSync(tmp.path('w.py'), new Date(), new Date(Date.now() + 5000));
    fs.touch(tmp.path('w.py'));
    fs.touch(tmp.path('w.py'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([['file:changed', { path: tmp.path('w.py'), name: 'w.py', kind: 'changed' }]]);
    expect((await session.reload()).text).toBe('v3 from another editor\n');
    rmSync(tmp.path('w.py'));
    fs.touch(tmp.path('w.py'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events.at(-1)).toEqual([
      'file:changed',
      { path: tmp.path('w.py'), name: 'w.py', kind: 'deleted' },
    ]);
  });

  it('closing with unsaved edits asks; Cancel keeps the window, Save asks the renderer, Don’t Save closes and drops the draft', async () => {
    const { session, dialog, events, drafts } = makeSession();
    expect(await session.confirmClose()).toBe(true); // clean: no question
    session.setDirty(true);
    await session.saveDraft('unsaved');
    dialog.unsavedAnswers.push('cancel', 'save', 'discard');
    expect(await session.confirmClose()).toBe(false);
    expect(await session.confirmClose()).toBe(false);
    expect(events).toEqual([['file:saveRequest', { then: 'close' }]]);
    expect(await session.confirmClose()).toBe(true);
    expect(dialog.asked).toEqual(['unsaved:untitled.py', 'unsaved:untitled.py', 'unsaved:untitled.py']);
    expect(existsSync(drafts.file)).toBe(false);
  });

  it('a draft is offered at the next start and restoring it reopens its file, dirty', async () => {
    const first = makeSession();
    writeFileSync(tmp.path('d.py'), 'saved\n');
    first.dialog.openAnswers.push(tmp.path('d.py'));
    await first.session.open();
    first.session.setDirty(true);
    await first.session.saveDraft('edited but not saved\n');
    // crash: no clean shutdown; a new session starts on the same user-data folder
    const second = makeSession();
    const { draft } = await second.session.startup();
    expect(draft).toEqual({
      text: 'edited but not saved\n',
      path: tmp.path('d.py'),
      name: 'd.py',
      savedAt: 1_700_000_000_000,
    });
    expect(await second.session.restoreDraft()).toEqual({
      path: tmp.path('d.py'),
      name: 'd.py',
      text: 'edited but not saved\n',
    });
    expect(second.session.isDirty).toBe(true);
    expect(second.states.at(-1)).toEqual({ name: 'd.py', dirty: true });
    await second.session.save('edited but not saved\n');
    expect(readFileSync(tmp.path('d.py'), 'utf8')).toBe('edited but not saved\n');
    expect(await second.drafts.load()).toBeNull();
  });

  it('New forgets the file, stops watching and clears the draft', async () => {
    const { session, dialog, fs, drafts } = makeSession();
    writeFileSync(tmp.path('n.py'), 'x\n');
    dialog.openAnswers.push(tmp.path('n.py'));
    await session.open();
    await session.saveDraft('y');
    await session.newFile();
    expect(session.currentPath).toBeNull();
    expect(fs.watched()).toEqual([]);
    expect(await drafts.load()).toBeNull();
  });
});

describe('files named on the command line', () => {
  it('a packaged app takes every non-switch argument, resolved against the working directory', () => {
    expect(
      filesFromArgv(['/opt/Loopscope/loopscope', '--no-sandbox', 'lesson.py', '/abs/b.py'], true, '/home/me'),
    ).toEqual(['/home/me/lesson.py', '/abs/b.py']);
  });

  it('a development run skips electron and the app path', () => {
    expect(filesFromArgv(['/x/electron', '.', 'a.py'], false, '/w')).toEqual(['/w/a.py']);
    expect(filesFromArgv(['/x/electron', 'out/main/index.js'], false, '/w')).toEqual([]);
  });

  it('desktop entries pass file:// URLs; other URLs and switches after -- are handled', () => {
    expect(
      filesFromArgv(
        ['exe', 'file:///home/me/My%20File.py', 'https://evil.example/x.py', '--', '-dash.py'],
        true,
        '/w',
      ),
    ).toEqual(['/home/me/My File.py', '/w/-dash.py']);
  });

  it('a second instance forwards only absolute paths', () => {
    expect(filesFromSecondInstance({ files: ['/a.py', 'rel.py', 3] })).toEqual(['/a.py']);
    expect(filesFromSecondInstance('nope')).toBeNull();
  });
});
