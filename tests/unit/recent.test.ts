import { describe, expect, it } from 'vitest';
import { addRecent, isRecent, MAX_RECENT, removeRecent } from '../../main/files/recent';

describe('the recent-files list', () => {
  it('puts the newest first and moves a reopened file to the top', () => {
    expect(addRecent(addRecent(addRecent([], '/a.py'), '/b.py'), '/a.py')).toEqual(['/a.py', '/b.py']);
  });

  it(`keeps at most ${MAX_RECENT} entries, dropping the oldest`, () => {
    let list: string[] = [];
    for (let i = 0; i <= MAX_RECENT; i++) list = addRecent(list, `/${i}.py`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(`/${MAX_RECENT}.py`);
    expect(list).not.toContain('/0.py');
  });

  it('treats paths differing only in case as one file on Windows and macOS, not on Linux', () => {
    expect(addRecent(['C:\\Work\\A.py'], 'c:\\work\\a.py', 'win32')).toEqual(['c:\\work\\a.py']);
    expect(addRecent(['/Work/A.py'], '/work/a.py', 'linux')).toEqual(['/work/a.py', '/Work/A.py']);
    expect(isRecent(['/Users/me/A.py'], '/users/me/a.py', 'darwin')).toBe(true);
  });

  it('removes an entry', () => {
    expect(removeRecent(['/a.py', '/b.py'], '/a.py')).toEqual(['/b.py']);
  });
});

describe('File > Open Recent', () => {
  it('lists the recent files by name, newest first, and choosing one offers its path', async () => {
    const { buildMenu } = await import('../../main/menu');
    const opened: string[] = [];
    const menu = buildMenu(() => undefined, {
      recentFiles: ['/home/me/b.py', '/home/me/R&D.py'],
      theme: 'dark',
      openRecent: (path) => opened.push(path),
      clearRecent: () => undefined,
      exportAs: () => undefined,
      setTheme: () => undefined,
      zoom: () => undefined,
    }) as unknown as { template: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] };
    const file = menu.template.find((m) => m.label === 'File');
    const recent = file?.submenu?.find((m) => m.label === 'Open Recent') as {
      submenu: { label?: string; click?: () => void }[];
    };
    expect(recent.submenu.map((m) => m.label)).toEqual(['b.py', 'R&&D.py', undefined, 'Clear Recent']);
    recent.submenu[1].click?.();
    expect(opened).toEqual(['/home/me/R&D.py']);
    const exportMenu = file?.submenu?.find((m) => m.label === 'Export') as { submenu: { label?: string }[] };
    expect(exportMenu.submenu.map((m) => m.label)).toEqual([
      'Timeline as PNG…',
      'Timeline as SVG…',
      'Stage at This Step as PNG…',
      'Trace as JSON…',
      'Step Table as Markdown…',
      'Player (HTML)…',
      'Animation (GIF or WebM)…',
    ]);
  });
});
