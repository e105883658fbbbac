// Shared generated textures: every token is a Sprite of one of these, tinted with its task's
// colour. Drawing each token as its own Graphics cost ~250 ms/frame at 1,000 tokens in headless
// Chromium; Sprites sharing a texture ~70 ms.
import { Graphics, Rectangle, type Renderer, type Texture } from 'pixi.js';
import { BASE_H, BASE_W, MARK_BASE } from './tokenFlow';

export interface TokenTextures {
  body: Texture;
  striped: Texture;
  outline: Texture;
  pill: Texture;
  mark: Texture;
  ring: Texture;
}

/** Rendered above 1x so the running token (1.5x) and HiDPI screens stay crisp. */
const TEXTURE_RESOLUTION = 3;
const RADIUS = 8;
export const RING_PAD = 5;

function make(renderer: Renderer, g: Graphics, w: number, h: number): Texture {
  const t = renderer.generateTexture({
    target: g,
    resolution: TEXTURE_RESOLUTION,
    antialias: true,
    frame: new Rectangle(0, 0, w, h),
  });
  g.destroy();
  return t;
}

export function createTextures(renderer: Renderer): TokenTextures {
  const body = make(
    renderer,
    new Graphics().roundRect(0, 0, BASE_W, BASE_H, RADIUS).fill(0xffffff),
    BASE_W,
    BASE_H,
  );
  const sg = new Graphics().roundRect(0, 0, BASE_W, BASE_H, RADIUS).fill(0xffffff);
  for (let x = -BASE_H; x < BASE_W; x += 12) {
    sg.moveTo(Math.max(0, x), x < 0 ? -x : 0)
      .lineTo(Math.min(BASE_W, x + BASE_H), x + BASE_H > BASE_W ? BASE_W - x : BASE_H)
      .stroke({ width: 3, color: 0x000000, alpha: 0.22 });
  }
  const striped = make(renderer, sg, BASE_W, BASE_H);
  const outline = make(
    renderer,
    new Graphics()
      .roundRect(1.5, 1.5, BASE_W - 3, BASE_H - 3, RADIUS)
      .fill({ color: 0xffffff, alpha: 0.12 })
      .stroke({ width: 3, color: 0xffffff }),
    BASE_W,
    BASE_H,
  );
  const pill = make(
    renderer,
    new Graphics().roundRect(0, 0, BASE_W, BASE_H, BASE_H / 2).fill(0xffffff),
    BASE_W,
    BASE_H,
  );
  const mark = make(
    renderer,
    new Graphics().roundRect(0, 0, MARK_BASE, MARK_BASE, 2).fill(0xffffff),
    MARK_BASE,
    MARK_BASE,
  );
  const rw = BASE_W + 2 * RING_PAD;
  const rh = BASE_H + 2 * RING_PAD;
  const ring = make(
    renderer,
    new Graphics()
      .roundRect(1.5, 1.5, rw - 3, rh - 3, RADIUS + RING_PAD)
      .stroke({ width: 3, color: 0xffffff }),
    rw,
    rh,
  );
  return { body, striped, outline, pill, mark, ring };
}

export function destroyTextures(t: TokenTextures): void {
  for (const tex of Object.values(t)) tex.destroy(true);
}
