// The stage's imperative side: one Pixi Application that draws a StageSnapshot. It keeps
// "snapshot means state, stage means its sprites": it never decides what a task is doing, it
// only places tokens where layoutStage() says, and tweens them there. The ticker runs only
// while a transition is in flight.
import 'pixi.js/unsafe-eval';
import { Application, type BitmapText, Container, Graphics, Rectangle, Sprite, type Texture } from 'pixi.js';
import type { ActorId } from '../../../common/trace';
import { hexNumber, STAGE_MARKS, THEMES, type ThemeInk } from '../player/colours';
import { allTokens, type StageSnapshot, type Token } from '../player/snapshot';
import { layoutStage, type Place, type StageLayout } from './layout';
import { bitmapText as text, GLYPH_SCALE, LabelPool, type DrawnLabel, type ElidedLabel } from './labels';
import { drawStageLabels } from './stageLabels';
import { truncate } from './text';
import { createTextures, destroyTextures, RING_PAD, type TokenTextures } from './textures';
import { Transition, type Pose } from './tween';
import type { WorldLayout } from './worldLayout';
import { drawPackets, drawWorld } from './worldView';

export interface StageCallbacks {
  onHover(id: ActorId | null): void;
  onSelect(id: ActorId): void;
}

/** The stage's own ink per theme (html[data-theme], renderer/src/desktop/theme.ts); tokens keep their colours. */
export type StageTheme = 'dark' | 'light' | 'high-contrast';
interface Ink {
  bg: number;
  lanes: [number, number];
  loop: number;
  text: number;
  muted: number;
}
const inkOf = (t: ThemeInk): Ink => ({
  bg: hexNumber(t.bg),
  lanes: [hexNumber(t.lanes[0]), hexNumber(t.lanes[1])],
  loop: hexNumber(t.loop),
  text: hexNumber(t.fg),
  muted: hexNumber(t.muted),
});
const INKS: Record<StageTheme, Ink> = {
  dark: inkOf(THEMES.dark),
  light: inkOf(THEMES.light),
  'high-contrast': inkOf(THEMES['high-contrast']),
};

/** A token's name and detail: as drawn on screen, and larger while presenting (fewer characters fit). */
const TOKEN_TYPE = {
  normal: { label: 15, detail: 11, labelChars: 20, detailChars: 30, detailY: 22 },
  big: { label: 18, detail: 12, labelChars: 16, detailChars: 28, detailY: 23 },
};

class TokenView {
  readonly root = new Container();
  readonly body = new Sprite();
  label: BitmapText | null = null;
  detail: BitmapText | null = null;
  key = '';

  constructor(
    public id: ActorId,
    cb: StageCallbacks,
  ) {
    this.root.addChild(this.body);
    this.root.eventMode = 'static';
    this.root.cursor = 'pointer';
    this.root.on('pointerover', () => cb.onHover(this.id));
    this.root.on('pointerout', () => cb.onHover(null));
    this.root.on('pointertap', () => cb.onSelect(this.id));
  }

  update(t: Token, place: Place, tex: TokenTextures, big = false): void {
    const key = `${t.state}|${t.detail}|${t.outcome}|${place.mode}|${t.label}|${big}`;
    if (key === this.key) return;
    this.key = key;
    const mark = place.mode === 'mark';
    let texture: Texture = tex.body;
    if (mark) texture = tex.mark;
    else if (t.kind === 'callback') texture = tex.pill;
    else if (t.outcome === 'exception') texture = tex.striped;
    else if (t.outcome === 'cancelled') texture = tex.outline;
    this.body.texture = texture;
    this.body.tint = t.colour;
    this.body.alpha = t.internal ? 0.75 : 1;
    this.root.hitArea = new Rectangle(0, 0, texture.width, texture.height);
    if (mark) {
      if (this.label) this.label.visible = false;
      if (this.detail) this.detail.visible = false;
      return;
    }
    const onColour = t.outcome === 'cancelled' ? STAGE_MARKS.textOnDark : STAGE_MARKS.textOnColour;
    const type = big ? TOKEN_TYPE.big : TOKEN_TYPE.normal;
    if (!this.label) this.root.addChild((this.label = text(type.label, true)));
    this.label.style.fontSize = type.label * GLYPH_SCALE;
    this.label.visible = true;
    this.label.tint = onColour;
    const symbol =
      t.outcome === 'result'
        ? '✓ '
        : t.outcome === 'exception'
          ? '✗ '
          : t.outcome === 'cancelled'
            ? '⊘ '
            : '';
    if (t.kind === 'callback') {
      this.label.text = truncate(t.label, type.labelChars + 2);
      this.label.position.set(12, 10);
      if (this.detail) this.detail.visible = false;
      return;
    }
    this.label.text = symbol + truncate(t.label, type.labelChars);
    this.label.position.set(8, 3);
    if (!this.detail) this.root.addChild((this.detail = text(type.detail)));
    this.detail.style.fontSize = type.detail * GLYPH_SCALE;
    this.detail.visible = true;
    this.detail.tint = onColour;
    this.detail.text = truncate(t.detail, type.detailChars);
    this.detail.position.set(8, type.detailY);
  }
}

export class StageRenderer {
  readonly app = new Application();
  /** Per-frame work (pose updates + render) and frame intervals, newest last; read by the bench. */
  readonly stats = { workMs: [] as number[], intervalMs: [] as number[] };
  #tex!: TokenTextures;
  #lanes = new Graphics();
  #tokens = new Container();
  #overlay = new Container();
  #labels = new LabelPool(this.#overlay);
  /** Presenting: the stage's text grows with the stage (layout.ts textScale). */
  #presenting = false;
  #ring = new Sprite();
  #focusRing = new Sprite();
  #selectRing = new Sprite();
  #views = new Map<ActorId, TokenView>();
  #pool: TokenView[] = [];
  #snap: StageSnapshot | null = null;
  #layout: StageLayout | null = null;
  #transition: Transition<ActorId> | null = null;
  /** The world strip's static marks (busy bars, tracks) and its moving packets. */
  #worldMarks = new Graphics();
  #packets = new Graphics();
  #packetTransition: Transition<string> | null = null;
  #packetPoses = new Map<string, Pose>();
  #width = 0;
  #height = 0;
  #focus: ActorId | null = null;
  /** Wall time of the previous animation frame; the ticker's own delta spans the idle gap since it last ran. */
  #lastFrame = 0;
  #selected: ActorId | null = null;
  #ink: Ink = INKS.dark;

  private constructor(private readonly cb: StageCallbacks) {}

  static async create(
    canvas: HTMLCanvasElement,
    width: number,
    height: number,
    resolution: number,
    cb: StageCallbacks,
  ): Promise<StageRenderer> {
    const r = new StageRenderer(cb);
    await r.app.init({
      canvas,
      width,
      height,
      resolution,
      autoDensity: true,
      // Transparent: the lane backgrounds are CSS behind the canvas (Stage.svelte). Full-canvas
      // quads through Pixi's batch shader cost ~30 ms a frame in software WebGL (SwiftShader);
      // the canvas then only draws what moves and its labels.
      backgroundAlpha: 0,
      // No MSAA: every sprite comes from a texture already drawn antialiased, and MSAA is what
      // makes software WebGL (SwiftShader, VMs, old laptops) slow.
      antialias: false,
      autoStart: false,
      sharedTicker: false,
    });
    // We render ourselves: once per change, or once per frame while a transition runs.
    r.app.ticker.remove(r.app.render, r.app);
    r.#width = width;
    r.#height = height;
    r.#tex = createTextures(r.app.renderer);
    r.#ring.texture = r.#tex.ring;
    r.#focusRing.texture = r.#tex.ring;
    r.#focusRing.tint = STAGE_MARKS.focus;
    r.#selectRing.texture = r.#tex.ring;
    r.#selectRing.tint = STAGE_MARKS.selected;
    r.app.stage.addChild(r.#lanes, r.#worldMarks, r.#packets, r.#tokens, r.#overlay);
    // Lane backgrounds are drawn only into exports (the screen shows the CSS ones).
    r.#lanes.visible = false;
    r.#overlay.addChild(r.#ring, r.#selectRing, r.#focusRing);
    r.#overlay.eventMode = 'none';
    return r;
  }

  get layout(): StageLayout | null {
    return this.#layout;
  }

  /** Whether a step's move is being animated now. */
  get moving(): boolean {
    return this.#transition !== null;
  }

  resize(width: number, height: number, resolution: number): void {
    if (width === this.#width && height === this.#height && resolution === this.app.renderer.resolution)
      return;
    this.#width = width;
    this.#height = height;
    this.app.renderer.resize(width, height, resolution);
    if (this.#snap) this.show(this.#snap, 0);
    else this.#render();
  }

  /** Lane titles and notes follow the app's theme (light, dark, high contrast). */
  setTheme(theme: StageTheme): void {
    const ink = INKS[theme] ?? INKS.dark;
    if (ink === this.#ink) return;
    this.#ink = ink;
    if (this.#layout) this.#drawStatic(this.#layout);
    this.#render();
  }

  /** Presentation mode: labels scale with the stage so the back of a room can read them. */
  setPresenting(on: boolean): void {
    if (on === this.#presenting) return;
    this.#presenting = on;
    if (this.#snap) this.show(this.#snap, 0);
  }

  /** A label drawn shorter than its text under a point (CSS px in the canvas), for the tooltip. */
  elidedAt(x: number, y: number): ElidedLabel | null {
    return this.#labels.elidedAt(x, y);
  }

  /** The labels drawn now (CSS px) and the tokens' name sizes: tests check readability and bounds. */
  drawnText(): { labels: DrawnLabel[]; names: number[] } {
    const names: number[] = [];
    for (const v of this.#views.values())
      if (v.label?.visible) names.push(Number(v.label.style.fontSize) * v.label.scale.y * v.root.scale.y);
    return { labels: this.#labels.drawn(), names };
  }

  setFocus(id: ActorId | null): void {
    this.#focus = id;
    this.#placeRings();
    this.#render();
  }

  setSelected(id: ActorId | null): void {
    this.#selected = id;
    this.#placeRings();
    this.#render();
  }

  show(snap: StageSnapshot, motionMs: number): void {
    this.#finishTransition();
    this.#snap = snap;
    const layout = layoutStage(snap, this.#width, this.#height, 1, this.#presenting);
    this.#layout = layout;
    this.#drawStatic(layout);
    const from = new Map<ActorId, Pose>();
    const to = new Map<ActorId, Pose>();
    const live = new Set<ActorId>();
    for (const t of allTokens(snap)) {
      const place = layout.places.get(t.id);
      if (!place) continue;
      live.add(t.id);
      let view = this.#views.get(t.id);
      if (view)
        from.set(t.id, { x: view.root.x, y: view.root.y, s: view.root.scale.x, alpha: view.root.alpha });
      else {
        view = this.#pool.pop() ?? new TokenView(t.id, this.cb);
        view.id = t.id;
        view.key = '';
        view.root.visible = true;
        this.#views.set(t.id, view);
        this.#tokens.addChild(view.root);
      }
      view.update(t, place, this.#tex, this.#presenting);
      to.set(t.id, { x: place.x, y: place.y, s: place.s, alpha: 1 });
    }
    for (const [id, view] of this.#views) {
      if (live.has(id)) continue;
      view.root.visible = false;
      this.#tokens.removeChild(view.root);
      this.#views.delete(id);
      this.#pool.push(view);
    }
    const transition = new Transition(from, to, motionMs);
    const packets = this.#packetMotion(layout.world, motionMs);
    if (motionMs > 0 && (transition.moving.length > 0 || packets.moving.length > 0)) {
      this.#transition = transition;
      this.#packetTransition = packets;
      this.#applyPoses(transition);
      this.#drawPackets(packets);
      this.#ring.visible = false;
      this.#lastFrame = performance.now();
      this.app.ticker.add(this.#tick, this);
      this.app.ticker.start();
    } else {
      transition.finish();
      this.#applyPoses(transition, true);
      packets.finish();
      this.#drawPackets(packets);
      this.#placeRings();
      this.#render();
    }
  }

  /** An empty stage (a run started): no tokens, lanes, labels or packets until the next `show`. */
  clear(): void {
    this.#finishTransition();
    for (const view of this.#views.values()) {
      view.root.visible = false;
      this.#tokens.removeChild(view.root);
      this.#pool.push(view);
    }
    this.#views.clear();
    this.#snap = null;
    this.#layout = null;
    this.#lanes.clear();
    this.#worldMarks.clear();
    this.#packets.clear();
    this.#packetPoses.clear();
    this.#labels.begin();
    this.#labels.end();
    this.#placeRings();
    this.#render();
  }

  /** Packets move along their tracks from where the last step drew them; new ones fade in. */
  #packetMotion(world: WorldLayout | null, motionMs: number): Transition<string> {
    const to = new Map<string, Pose>();
    for (const p of world?.network?.rows ?? []) to.set(p.key, { x: p.x, y: p.y, s: p.size, alpha: 1 });
    const from = new Map<string, Pose>();
    for (const [k, pose] of this.#packetPoses) if (to.has(k)) from.set(k, pose);
    this.#packetPoses = to;
    return new Transition(from, to, motionMs);
  }

  #drawPackets(tr: Transition<string>): void {
    drawPackets(this.#packets, tr);
  }

  /** The stage as it is drawn now, as PNG bytes (for File > Export). */
  async exportPng(): Promise<Uint8Array> {
    this.#lanes.visible = true;
    let canvas: HTMLCanvasElement;
    try {
      canvas = this.app.renderer.extract.canvas({
        target: this.app.stage,
        clearColor: this.#ink.bg,
      }) as HTMLCanvasElement;
    } finally {
      this.#lanes.visible = false;
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The stage could not be exported as PNG.');
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** Rectangle of a token in CSS pixels relative to the canvas, for tooltips. */
  placeOf(id: ActorId): Place | undefined {
    return this.#layout?.places.get(id);
  }

  destroy(): void {
    this.app.ticker.stop();
    destroyTextures(this.#tex);
    this.app.destroy({ removeView: false }, { children: true });
  }

  #tick(): void {
    const t0 = performance.now();
    const tr = this.#transition;
    const pt = this.#packetTransition;
    if (!tr || !pt) return;
    const dt = t0 - this.#lastFrame;
    this.#lastFrame = t0;
    tr.advance(dt);
    this.#applyPoses(tr);
    pt.advance(dt);
    this.#drawPackets(pt);
    if (tr.done && pt.done) this.#finishTransition();
    this.#render();
    this.#record(performance.now() - t0, dt);
  }

  #record(work: number, interval: number): void {
    const { workMs, intervalMs } = this.stats;
    workMs.push(work);
    intervalMs.push(interval);
    if (workMs.length > 600) {
      workMs.splice(0, 300);
      intervalMs.splice(0, 300);
    }
  }

  #finishTransition(): void {
    const tr = this.#transition;
    if (!tr) return;
    this.#transition = null;
    tr.finish();
    this.#applyPoses(tr);
    if (this.#packetTransition) {
      this.#packetTransition.finish();
      this.#drawPackets(this.#packetTransition);
      this.#packetTransition = null;
    }
    this.app.ticker.remove(this.#tick, this);
    this.app.ticker.stop();
    this.#placeRings();
  }

  #applyPoses(tr: Transition<ActorId>, all = false): void {
    const keys = all ? tr.to.keys() : tr.moving;
    for (const id of keys) {
      const v = this.#views.get(id);
      const p = tr.poseOf(id);
      if (!v || !p) continue;
      v.root.position.set(p.x, p.y);
      v.root.scale.set(p.s);
      v.root.alpha = p.alpha;
    }
  }

  #placeRings(): void {
    const ring = (sprite: Sprite, id: ActorId | null | undefined) => {
      const p = id != null ? this.#layout?.places.get(id) : undefined;
      sprite.visible = !!p && p.mode !== 'mark';
      if (p) {
        sprite.position.set(p.x - RING_PAD * p.s, p.y - RING_PAD * p.s);
        sprite.scale.set(p.s);
      }
    };
    ring(this.#ring, this.#snap?.running?.id);
    this.#ring.tint = this.#snap?.running?.colour ?? 0xffffff;
    ring(this.#selectRing, this.#selected);
    ring(this.#focusRing, this.#focus);
  }

  #drawStatic(l: StageLayout): void {
    const g = this.#lanes.clear();
    const ink = this.#ink;
    l.lanes.forEach((lane, i) => {
      g.rect(lane.x, lane.y, lane.w, lane.h).fill(lane.key === 'loop' ? ink.loop : ink.lanes[i % 2]);
    });
    if (l.world) g.rect(l.world.rect.x, l.world.rect.y, l.world.rect.w, l.world.rect.h).fill(ink.lanes[1]);
    this.#labels.begin();
    const worldLabel = drawStageLabels(this.#labels, l, ink);
    drawWorld(l.world, this.#worldMarks, worldLabel, ink);
    this.#labels.end();
  }

  #render(): void {
    this.app.renderer.render(this.app.stage);
  }
}
