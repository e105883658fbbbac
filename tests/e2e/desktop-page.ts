// The desktop test page: the real DesktopController and DesktopBanners (renderer/src/desktop)
// over a textarea standing in for the editor and a step counter standing in for the player,
// talking to the test "main" through window.loopscope, with the app's menu table's desktop part.
import { mount } from 'svelte';
import { desktopMenu } from '../../renderer/src/app/menu';
import { DesktopController } from '../../renderer/src/desktop/desktop.svelte';
import DesktopBanners from '../../renderer/src/desktop/DesktopBanners.svelte';

const editor = document.getElementById('editor') as HTMLTextAreaElement;
const nameEl = document.getElementById('name') as HTMLElement;
const stepEl = document.getElementById('step') as HTMLOutputElement;
let step = 0;
const show = (): void => {
  stepEl.value = String(step);
};

/** A 40x20 PNG of the "timeline": drawn on a canvas, exported as real PNG bytes. */
async function png(colour: string): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 20;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 40, 20);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

const test = window as unknown as {
  __confirmAnswer?: boolean;
  __confirmed: string[];
  __desktop: DesktopController;
};
test.__confirmed = [];

const desktop = new DesktopController({
  getText: () => editor.value,
  setText: (text, name) => {
    editor.value = text;
    nameEl.textContent = name;
  },
  player: {
    forward: () => (step++, show()),
    back: () => (step--, show()),
    start: () => ((step = 0), show()),
    end: () => ((step = 99), show()),
  },
  exporters: {
    'timeline-png': () => png('#56b4e9'),
    'stage-png': () => png('#e69f00'),
    'timeline-svg': () =>
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>',
    'trace-json': () => JSON.stringify({ version: 1, fileName: nameEl.textContent, steps: [] }),
    'steps-md': () => '| step | time | ran |\n|---:|---:|---|\n| 0 | 0.000 | main |\n',
  },
  confirm: (message) => {
    test.__confirmed.push(message);
    return test.__confirmAnswer ?? true;
  },
  newProgram: 'import asyncio\n',
  draftIntervalMs: 150,
  idleCursorMs: 300,
});
editor.addEventListener('input', () => desktop.edited(editor.value));
mount(DesktopBanners, { target: document.getElementById('banners')!, props: { desktop } });
test.__desktop = desktop;
desktop.start();
// The app's menu listener (app/root.svelte.ts) hands these commands to the controller the same way.
const menu: Partial<Record<string, () => void>> = desktopMenu(desktop);
window.loopscope.app.onMenu((command) => menu[command]?.());
document.body.dataset['ready'] = 'yes';
