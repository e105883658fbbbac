// The two encoders behind one face: frames go in as the canvas they were drawn on, bytes come
// out. GIF by gifenc (per-frame 256-colour palette), WebM by mediabunny over the browser's own
// WebCodecs VP9 (or VP8) encoder.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
} from 'mediabunny';
import type { AnimationFormat } from './range';

export interface FrameSink {
  /** Adds what the canvas shows now, for `ms` milliseconds. */
  add(ms: number): Promise<void>;
  finish(): Promise<Uint8Array>;
  cancel(): Promise<void>;
}

function gifSink(ctx: CanvasRenderingContext2D): FrameSink {
  const gif = GIFEncoder();
  const { width, height } = ctx.canvas;
  return {
    async add(ms) {
      const { data } = ctx.getImageData(0, 0, width, height);
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay: ms });
    },
    async finish() {
      gif.finish();
      return gif.bytes();
    },
    async cancel() {},
  };
}

async function webmSink(canvas: HTMLCanvasElement): Promise<FrameSink> {
  const size = { width: canvas.width, height: canvas.height };
  const codec = (await canEncodeVideo('vp9', size))
    ? 'vp9'
    : (await canEncodeVideo('vp8', size))
      ? 'vp8'
      : null;
  if (!codec)
    throw new Error(
      'This browser cannot encode WebM video (it has no VP9 or VP8 encoder); export a GIF instead.',
    );
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH });
  output.addVideoTrack(source);
  await output.start();
  let at = 0;
  return {
    async add(ms) {
      await source.add(at / 1000, ms / 1000);
      at += ms;
    },
    async finish() {
      await output.finalize();
      if (!target.buffer) throw new Error('The video encoder produced nothing.');
      return new Uint8Array(target.buffer);
    },
    cancel: () => output.cancel(),
  };
}

export function frameSink(format: AnimationFormat, ctx: CanvasRenderingContext2D): Promise<FrameSink> {
  return format === 'gif' ? Promise.resolve(gifSink(ctx)) : webmSink(ctx.canvas);
}
