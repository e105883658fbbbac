// File > Export > Animation: lesson 1 as a GIF and as a WebM, decoded here (gifuct-js; mediabunny's
// demuxer) for frame count, size and timing, and their first and last frames compared with the
// stage's own PNG export at those steps. Cancel writes nothing.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decompressFrames, parseGIF } from 'gifuct-js';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { openLesson } from './fixtures/lesson';
import { expect, test, type LoopscopeHarness } from './harness';

async function stagePng(h: LoopscopeHarness, name: string): Promise<Buffer> {
  const file = h.desktop.path(name);
  h.desktop.dialog.saveAnswers.push(file);
  await h.event('file:exportRequest', 'stage-png');
  await expect(h.page.getByTestId('notice-text').last()).toHaveText(`Exported to ${file}`);
  return readFileSync(file);
}

/** RGBA of the stage PNG drawn below a `band`-high strip in a width x height frame, via the page's canvas. */
async function stageAsFrame(
  page: Page,
  png: Buffer,
  width: number,
  height: number,
  band: number,
): Promise<Uint8Array> {
  const b64 = await page.evaluate(
    async ({ png, width, height, band }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, 0, band, width, height - band);
      const data = ctx.getImageData(0, 0, width, height).data;
      let out = '';
      for (let i = 0; i < data.length; i += 0x8000)
        out += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return btoa(out);
    },
    { png: png.toString('base64'), width, height, band },
  );
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** RGBA of the video frame shown at `at` seconds, decoded by the page's <video>. */
async function videoFrame(
  page: Page,
  webm: Buffer,
  at: number,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const b64 = await page.evaluate(
    async ({ webm, at, width, height }) => {
      const bytes = Uint8Array.from(atob(webm), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.preload = 'auto';
      const loaded = new Promise(
        (r, j) => ((video.onloadeddata = r), (video.onerror = () => j(new Error('the video does not play')))),
      );
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      video.load();
      await loaded;
      const seeked = new Promise((r) => (video.onseeked = r));
      video.currentTime = at;
      await seeked;
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(video, 0, 0, width, height);
      const data = ctx.getImageData(0, 0, width, height).data;
      let out = '';
      for (let i = 0; i < data.length; i += 0x8000)
        out += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return btoa(out);
    },
    { webm: webm.toString('base64'), at, width, height },
  );
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** Mean difference per colour channel (0-255) below the band. */
function difference(a: Uint8Array | Uint8ClampedArray, b: Uint8Array, width: number, band: number): number {
  let sum = 0;
  let n = 0;
  for (let i = band * width * 4; i < b.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a[i + c] - b[i + c]);
    n += 3;
  }
  return sum / n;
}

async function exportAnimation(h: LoopscopeHarness, format: 'gif' | 'webm', name: string): Promise<Buffer> {
  await h.menu('file:exportAnimation');
  const dialog = h.page.getByTestId('animation-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: format === 'gif' ? /^GIF/ : /^WebM/ }).check();
  await dialog.getByLabel('Width').selectOption('640');
  await dialog.getByLabel('Speed').selectOption('2');
  await expect(h.page.getByTestId('animation-summary')).toHaveText('13 frames, 5.8 s');
  const file = h.desktop.path(name);
  h.desktop.dialog.saveAnswers.push(file);
  await dialog.getByTestId('animation-export').click();
  await expect(h.page.getByTestId('notice-text').last()).toHaveText(`Exported to ${file}`, {
    timeout: 60_000,
  });
  await expect(dialog).toHaveCount(0);
  return readFileSync(file);
}

test.describe('animated export of lesson 1', () => {
  test.beforeEach(async ({ loopscope }) => {
    await openLesson(loopscope.page, '01-gather');
  });

  test('as a GIF: one frame per step at the chosen width and speed, matching the stage', async ({
    loopscope,
  }) => {
    const { page } = loopscope;
    await page.keyboard.press('ArrowRight');
    const first = await stagePng(loopscope, 'first.png');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('step-counter')).toContainText('step 1 of 13');
    const firstAtZero = await stagePng(loopscope, 'zero.png');
    await page.keyboard.press('End');
    const last = await stagePng(loopscope, 'last.png');
    await page.keyboard.press('Home');

    const gif = await exportAnimation(loopscope, 'gif', 'lesson1.gif');
    const frames = decompressFrames(parseGIF(new Uint8Array(gif).buffer), true);
    // One frame per step the player shows (lesson 1: 13 with internals hidden).
    expect(frames).toHaveLength(13);
    const { width, height } = frames[0].dims;
    expect(width).toBe(640);
    expect(frames.every((f) => f.dims.width === width && f.dims.height === height && f.delay === 450)).toBe(
      true,
    );
    // The band with the clock and narration is above the stage: 8.5% of the width, even.
    const band = 54;
    const atZero = await stageAsFrame(page, firstAtZero, width, height, band);
    const atEnd = await stageAsFrame(page, last, width, height, band);
    const d0 = difference(frames[0].patch, atZero, width, band);
    const dLast = difference(frames[12].patch, atEnd, width, band);
    const dWrong = difference(frames[0].patch, atEnd, width, band);
    expect(d0).toBeLessThan(4);
    expect(dLast).toBeLessThan(4);
    expect(dWrong).toBeGreaterThan(d0 * 2);
    expect(first.length).toBeGreaterThan(0);
    // The player is back where it was.
    await expect(page.getByTestId('step-counter')).toContainText('step 1 of 13');
  });

  test('as a WebM video: 13 frames of 0.45 s at 640 px, first and last frames matching the stage', async ({
    loopscope,
  }) => {
    const { page } = loopscope;
    const zero = await stagePng(loopscope, 'zero.png');
    await page.keyboard.press('End');
    const last = await stagePng(loopscope, 'last.png');
    await page.keyboard.press('Home');

    const webm = await exportAnimation(loopscope, 'webm', 'lesson1.webm');
    const input = new Input({ source: new BufferSource(new Uint8Array(webm)), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect([track.displayWidth, await input.getFormat().then((f) => f.name)]).toEqual([640, 'WebM']);
    let packets = 0;
    for await (const packet of new EncodedPacketSink(track).packets()) {
      expect(packet.timestamp).toBeCloseTo(packets * 0.45, 3);
      packets++;
    }
    expect(packets).toBe(13);
    const { displayWidth: width, displayHeight: height } = track;
    // A blank page decodes it: the app's CSP allows no blob: media.
    const blank = await page.context().newPage();
    const first = await videoFrame(blank, webm, 0.1, width, height);
    const final = await videoFrame(blank, webm, 12 * 0.45 + 0.1, width, height);
    const d0 = difference(first, await stageAsFrame(page, zero, width, height, 54), width, 54);
    const atEnd = await stageAsFrame(page, last, width, height, 54);
    const dLast = difference(final, atEnd, width, 54);
    const dWrong = difference(first, atEnd, width, 54);
    expect(d0).toBeLessThan(8);
    expect(dLast).toBeLessThan(8);
    expect(dWrong).toBeGreaterThan(d0 * 2);
  });

  test('Cancel while encoding stops it, writes nothing and leaves the player where it was', async ({
    loopscope,
  }) => {
    const { page } = loopscope;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await loopscope.menu('file:exportAnimation');
    const dialog = page.getByTestId('animation-dialog');
    await dialog.getByLabel('Width').selectOption('1920');
    await dialog.getByTestId('animation-export').click();
    await expect(page.getByTestId('animation-progress')).toBeVisible();
    await dialog.getByTestId('animation-cancel').click();
    await expect(page.getByTestId('animation-progress')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    expect(loopscope.desktop.dialog.asked).toEqual([]);
    await expect(page.getByTestId('step-counter')).toContainText('step 3 of 13');
    await dialog.getByTestId('animation-cancel').click();
    await expect(dialog).toHaveCount(0);
  });

  test('a range the dialog cannot make says why and offers no Export', async ({ loopscope }) => {
    await loopscope.menu('file:exportAnimation');
    const dialog = loopscope.page.getByTestId('animation-dialog');
    await dialog.getByLabel('From step').fill('20');
    await dialog.getByLabel('to step').fill('5');
    await expect(dialog.getByRole('alert')).toHaveText('The last step comes before the first.');
    await expect(dialog.getByTestId('animation-export')).toBeDisabled();
    await dialog.getByLabel('Range').selectOption({ index: 0 });
    await expect(dialog.getByTestId('animation-export')).toBeEnabled();
  });
});
