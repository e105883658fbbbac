// Makes an animation by stepping the player through the range and grabbing the stage at each
// step (motion off, so each frame is the step's still), then puts the player back where it was.
import { drawFrame, frameSize, type FrameText } from './compose';
import { frameSink } from './encoders';
import { frameMs, type AnimationChoice } from './range';

export interface CaptureSource {
  readonly step: number;
  seek(step: number): void;
  /** The steps the player shows from `from` to `to` (asyncio's own are hidden unless internals are on). */
  shownSteps(from: number, to: number): number[];
  /** The stage as it is drawn now, as PNG bytes (Stage's own export). */
  stagePng(): Promise<Uint8Array>;
  /** What the clock and the narration say at the current step. */
  text(): FrameText;
  /** Resolves once the stage has drawn the current step. */
  settle(): Promise<void>;
  ink: { bg: string; fg: string; muted: string };
  /** Turns moves into cuts until the returned function is called (each frame is a still). */
  stills(): () => void;
}

export class Cancelled extends Error {
  constructor() {
    super('The export was cancelled.');
  }
}

async function stageBitmap(source: CaptureSource): Promise<ImageBitmap> {
  await source.settle();
  return createImageBitmap(new Blob([(await source.stagePng()) as BlobPart], { type: 'image/png' }));
}

export async function captureAnimation(
  choice: AnimationChoice,
  source: CaptureSource,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const back = source.step;
  const steps = source.shownSteps(choice.from, choice.to);
  const total = steps.length;
  const restoreMotion = source.stills();
  try {
    source.seek(steps[0]);
    let bitmap = await stageBitmap(source);
    const size = frameSize(bitmap, choice.width, choice.burnIn);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: choice.format === 'gif' });
    if (!ctx) throw new Error('No 2D canvas to draw the frames on.');
    const sink = await frameSink(choice.format, ctx);
    try {
      for (let i = 0; i < total; i++) {
        if (signal.aborted) throw new Cancelled();
        if (i > 0) {
          source.seek(steps[i]);
          bitmap.close();
          bitmap = await stageBitmap(source);
        }
        drawFrame(ctx, bitmap, size, choice.burnIn ? source.text() : null, source.ink);
        await sink.add(frameMs(choice.speed));
        onProgress(i + 1, total);
      }
      bitmap.close();
      return await sink.finish();
    } catch (e) {
      await sink.cancel().catch(() => undefined);
      throw e;
    }
  } finally {
    source.seek(back);
    restoreMotion();
  }
}
