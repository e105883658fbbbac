// The stage's imperative side: one Pixi Application that draws a StageSnapshot. It keeps
// "snapshot means state, stage means its sprites": it never decides what a task is doing, it
// only places tokens (tokens.ts) where layoutStage() says, and tweens them there. The ticker
// runs only while a transition is in flight.
import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics, Sprite } from 'pixi.js';
import type { ActorId } from '../../../common/trace';
import { STAGE_MARKS } from '../player/colours';
import type { StageSnapshot } from '../player/snapshot';
import { layoutStage, type Place, type StageLayout } from './layout';
import { LabelPool, type DrawnLabel, type ElidedLabel } from './labels';
import { INKS, type Ink, type StageTheme } from './stageInk';
import { drawStageLabels } from './stageLabels';
import { createTextures, destroyTextures, RING_PAD, type TokenTextures } from './textures';
import { TokenLayer, type StageCallbacks } from './tokens';
import { Transition } from './tween';
import { drawWorld, PacketLayer } from './worldView';

export class StageRenderer {
  readonly app = new Application();
  /** Per-frame work (pose updates + render) and frame intervals, newest last; read by the bench. */
  readonly stats = { workMs: [] as number[], intervalMs: [] as number[] };
  #tex!: TokenTextures;
  #lanes = new Graphics();
  #tokens: TokenLayer;
  #overlay = new Container();
  #labels = new LabelPool(this.#overlay);
  /** Presenting: the stage's text grows with the stage (layout.ts textScale). */
  #presenting = false;
  #ring = new Sprite();
  #focusRing = new Sprite();
  #selectRing = new Sprite();
  #snap: StageSnapshot | null = null;
  #layout: StageLayout | null = null;
  #transition: Transition<ActorId> | null = null;
  /** The world strip's static marks (busy bars, tracks) and its moving packets. */
  #worldMarks = new Graphics();
  #packets = new PacketLayer();
  #packetTransition: Transition<string> | null = null;
  #width = 0;
  #height = 0;
  #focus: ActorId | null = null;
  /** Wall time of the previous animation frame; the ticker's own delta spans the idle gap since it last ran. */
  #lastFrame = 0;
  #selected: ActorId | null = null;
  #ink: Ink = INKS.dark;

  private constructor(cb: StageCallbacks) {
    this.#tokens = new TokenLayer(cb);
  }

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
    r.app.stage.addChild(r.#lanes, r.#worldMarks, r.#packets.root, r.#tokens.root, r.#overlay);
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
    return { labels: this.#labels.drawn(), names: this.#tokens.nameSizes() };
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
    const { from, to } = this.#tokens.show(snap, layout, this.#tex, this.#presenting);
    const transition = new Transition(from, to, motionMs);
    const packets = this.#packets.motion(layout.world, motionMs);
    if (motionMs > 0 && (transition.moving.length > 0 || packets.moving.length > 0)) {
      this.#transition = transition;
      this.#packetTransition = packets;
      this.#tokens.applyPoses(transition);
      this.#packets.draw(packets);
      this.#ring.visible = false;
      this.#lastFrame = performance.now();
      this.app.ticker.add(this.#tick, this);
      this.app.ticker.start();
    } else {
      transition.finish();
      this.#tokens.applyPoses(transition, true);
      packets.finish();
      this.#packets.draw(packets);
      this.#placeRings();
      this.#render();
    }
  }

  /** An empty stage (a run started): no tokens, lanes, labels or packets until the next `show`. */
  clear(): void {
    this.#finishTransition();
    this.#tokens.clear();
    this.#snap = null;
    this.#layout = null;
    this.#lanes.clear();
    this.#worldMarks.clear();
    this.#packets.clear();
    this.#labels.begin();
    this.#labels.end();
    this.#placeRings();
    this.#render();
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
    this.#tokens.applyPoses(tr);
    pt.advance(dt);
    this.#packets.draw(pt);
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
    this.#tokens.applyPoses(tr);
    if (this.#packetTransition) {
      this.#packetTransition.finish();
      this.#packets.draw(this.#packetTransition);
      this.#packetTransition = null;
    }
    this.app.ticker.remove(this.#tick, this);
    this.app.ticker.stop();
    this.#placeRings();
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
