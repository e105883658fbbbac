import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../main/files/drafts';
import { createNodeFileSystem } from '../../main/files/node-fs';
import { tempDir, type TempDir } from './support/desktop-fakes';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('the crash draft', () => {
  const store = () => new DraftStore(createNodeFileSystem(), tmp.path('drafts'), () => 42);

  it('is written under the user-data folder and read back by the next session', async () => {
    await store().save('print("unsaved")\n', '/home/me/a.py', 'a.py');
    expect(await store().load()).toEqual({
      text: 'print("unsaved")\n',
      path: '/home/me/a.py',
      name: 'a.py',
      savedAt: 42,
    });
  });

  it('keeps an untitled program too', async () => {
    await store().save('x = 1', null, 'untitled.py');
    expect((await store().load())?.path).toBeNull();
  });

  it('is gone once cleared', async () => {
    const drafts = store();
    await drafts.save('x', null, 'untitled.py');
    await drafts.clear();
    expect(await drafts.load()).toBeNull();
  });

  it('no draft is no draft, and clearing it is harmless', async () => {
    expect(await store().load()).toBeNull();
    await store().clear();
  });

  it('a damaged draft is removed, never offered and never thrown', async () => {
    mkdirSync(tmp.path('drafts'));
    writeFileSync(tmp.path('drafts/draft.json'), '{"version":1,"text":');
    expect(await store().load()).toBeNull();
    expect(existsSync(tmp.path('drafts/draft.json'))).toBe(false);
    writeFileSync(tmp.path('drafts/draft.json'), JSON.stringify({ version: 2, text: 'x' }));
    expect(await store().load()).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    const drafts = store();
    for (let i = 0; i < 5; i++) await drafts.save(`v${i}`, null, 'untitled.py');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(tmp.path('drafts'))).toEqual(['draft.json']);
  });
});
