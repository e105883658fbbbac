import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeFileSystem } from '../../main/files/node-fs';
import { checkExportData, EXPORT_KINDS, exportFileName, ExportWriter } from '../../main/export/writer';
import { scriptedDialog, tempDir, type TempDir } from './support/desktop-fakes';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

function writer(playerTemplate?: () => Promise<string>) {
  const dialog = scriptedDialog();
  return { dialog, exporter: new ExportWriter(createNodeFileSystem(), dialog, playerTemplate) };
}

describe('export file names', () => {
  it('are bare names with the kind’s extension', () => {
    expect(exportFileName('gather-abc', 'timeline-png')).toBe('gather-abc.png');
    expect(exportFileName('steps.md', 'steps-md')).toBe('steps.md');
    expect(exportFileName('../../.ssh/authorized_keys', 'trace-json')).toBe('authorized_keys.json');
    expect(exportFileName('C:\\Windows\\evil', 'timeline-svg')).toBe('evil.svg');
    expect(exportFileName('a:b*c?"d<e>|', 'stage-png')).toBe('a-b-c--d-e--.png');
    expect(exportFileName('...', 'trace-json')).toBe('loopscope-export.json');
  });
});

describe('export data is checked against its kind before anything is written', () => {
  it('accepts each kind’s real content', () => {
    expect(checkExportData('timeline-png', PNG)).toBe(PNG);
    expect(checkExportData('stage-png', PNG)).toBe(PNG);
    expect(checkExportData('timeline-svg', SVG)).toBe(SVG);
    expect(checkExportData('trace-json', '{"version":1}')).toBe('{"version":1}');
    expect(checkExportData('steps-md', '| step | time |\n|---|---|\n')).toContain('| step');
  });

  it.each([
    ['timeline-png', 'not bytes', /must be image bytes/],
    ['stage-png', new Uint8Array([0x47, 0x49, 0x46, 0x38]), /not a PNG/],
    ['timeline-svg', '<html><script>alert(1)</script></html>', /not an SVG/],
    ['timeline-svg', PNG, /must be text/],
    ['trace-json', '{"steps": [', /not valid JSON/],
    ['steps-md', '', /nothing to export/],
  ] as const)('refuses %s given the wrong content', (kind, data, message) => {
    expect(() => checkExportData(kind, data as never)).toThrow(message);
  });

  it('refuses an export above its kind’s size limit', () => {
    expect(() => checkExportData('steps-md', 'x'.repeat(64_000_001))).toThrow(
      'The export is 64 MB; the limit for this kind is 64 MB.',
    );
  });
});

describe('the export writer', () => {
  it('writes exactly the path picked in the dialog, with the kind’s filter, and nothing else', async () => {
    const { exporter, dialog } = writer();
    dialog.saveAnswers.push(tmp.path('timeline.svg'));
    expect(await exporter.export({ kind: 'timeline-svg', data: SVG, name: 'lesson 1' })).toBe(
      tmp.path('timeline.svg'),
    );
    expect(dialog.asked).toEqual(['save:Export:lesson 1.svg']);
    expect(readFileSync(tmp.path('timeline.svg'), 'utf8')).toBe(SVG);
    expect(readdirSync(tmp.dir)).toEqual(['timeline.svg']);
  });

  it('writes PNG bytes byte for byte and adds the extension when none was typed', async () => {
    const { exporter, dialog } = writer();
    dialog.saveAnswers.push(tmp.path('stage'));
    expect(await exporter.export({ kind: 'stage-png', data: PNG, name: 'stage' })).toBe(
      tmp.path('stage.png'),
    );
    expect(new Uint8Array(readFileSync(tmp.path('stage.png')))).toEqual(PNG);
  });

  it('a cancelled dialog writes nothing', async () => {
    const { exporter } = writer();
    expect(await exporter.export({ kind: 'trace-json', data: '{}', name: 'trace' })).toBeNull();
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('bad data is refused before the dialog opens', async () => {
    const { exporter, dialog } = writer();
    await expect(exporter.export({ kind: 'trace-json', data: 'nope', name: 'trace' })).rejects.toThrow(
      'not valid JSON',
    );
    expect(dialog.asked).toEqual([]);
  });

  it('a write that fails says why in words', async () => {
    const { exporter, dialog } = writer();
    dialog.saveAnswers.push(tmp.path('missing-folder/trace.json'));
    await expect(exporter.export({ kind: 'trace-json', data: '{}', name: 'trace' })).rejects.toThrow(
      '“trace.json” could not be written: it does not exist (it may have been moved or deleted).',
    );
  });

  it('knows every kind', () => {
    expect(EXPORT_KINDS).toEqual([
      'timeline-png',
      'stage-png',
      'timeline-svg',
      'trace-json',
      'steps-md',
      'player-html',
      'animation-gif',
      'animation-webm',
    ]);
  });

  it('takes animations only as GIF or WebM bytes', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0]);
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f]);
    expect(checkExportData('animation-gif', gif)).toBe(gif);
    expect(checkExportData('animation-webm', webm)).toBe(webm);
    expect(() => checkExportData('animation-gif', webm)).toThrow('The exported animation is not a GIF.');
    expect(() => checkExportData('animation-webm', gif)).toThrow('The exported video is not a WebM file.');
    expect(() => checkExportData('animation-gif', 'GIF89a')).toThrow(/must be image bytes/);
  });

  it('writes a player: the trace the renderer sent, inside the shared player template', async () => {
    const template = '<p>player</p><script id="loopscope-trace" type="application/json"></script>';
    const { exporter, dialog } = writer(async () => template);
    dialog.saveAnswers.push(tmp.path('run'));
    expect(
      await exporter.export({ kind: 'player-html', data: '{"version":1,"source":"<b>"}', name: 'run' }),
    ).toBe(tmp.path('run.html'));
    expect(readFileSync(tmp.path('run.html'), 'utf8')).toBe(
      '<p>player</p><script id="loopscope-trace" type="application/json">{"version":1,"source":"\\u003cb\\u003e"}</script>',
    );
  });

  it('a player without its template is refused in words, before the dialog opens', async () => {
    const { exporter, dialog } = writer(() => Promise.reject(new Error('ENOENT out/share/player.html')));
    await expect(exporter.export({ kind: 'player-html', data: '{}', name: 'run' })).rejects.toThrow(
      'The player could not be made: its template is missing (ENOENT out/share/player.html).',
    );
    expect(dialog.asked).toEqual([]);
  });
});
