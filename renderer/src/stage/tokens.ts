// The stage's tokens: one sprite (TokenView) per actor on the stage, drawn as its state and
// outcome say, and the layer that keeps a view per live actor, recycling views from a pool so
// that stepping through a run of thousands of tasks does not build sprites on every step.
import { type BitmapText, Container, Rectangle, Sprite, type Texture } from 'pixi.js';
import type { ActorId } from '../../../common/trace';
import { STAGE_MARKS } from '../player/colours';
import { allTokens, type StageSnapshot, type Token } from '../player/snapshot';
import type { Place, StageLayout } from './layout';
import { bitmapText as text, GLYPH_SCALE } from './labels';
import { truncate } from './text';
import type { TokenTextures } from './textures';
import type { Pose, Transition } from './tween';

export interface StageCallbacks {
  onHover(id: ActorId | null): void;
  onSelect(id: ActorId): void;
}

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

/** The token views of what is on the stage now, with the pool they come from and go back to. */
export class TokenLayer {
  readonly root = new Container();
  #views = new Map<ActorId, TokenView>();
  #pool: TokenView[] = [];

  constructor(private readonly cb: StageCallbacks) {}

  /** A view for every placed token of `snap` (where each is now, and where it goes); the rest go back to the pool. */
  show(
    snap: StageSnapshot,
    layout: StageLayout,
    tex: TokenTextures,
    big: boolean,
  ): { from: Map<ActorId, Pose>; to: Map<ActorId, Pose> } {
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
        this.root.addChild(view.root);
      }
      view.update(t, place, tex, big);
      to.set(t.id, { x: place.x, y: place.y, s: place.s, alpha: 1 });
    }
    for (const [id, view] of this.#views) {
      if (live.has(id)) continue;
      view.root.visible = false;
      this.root.removeChild(view.root);
      this.#views.delete(id);
      this.#pool.push(view);
    }
    return { from, to };
  }

  /** Every view back to the pool. */
  clear(): void {
    for (const view of this.#views.values()) {
      view.root.visible = false;
      this.root.removeChild(view.root);
      this.#pool.push(view);
    }
    this.#views.clear();
  }

  /** The views where `tr` has them now (`all`: every token's, not only the moving ones). */
  applyPoses(tr: Transition<ActorId>, all = false): void {
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

  /** The size of every name drawn now, in CSS px. */
  nameSizes(): number[] {
    const names: number[] = [];
    for (const v of this.#views.values())
      if (v.label?.visible) names.push(Number(v.label.style.fontSize) * v.label.scale.y * v.root.scale.y);
    return names;
  }
}
