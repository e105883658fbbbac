// Presentation mode's renderer half: the clicker keys, the blank screen and the idle cursor.
// Main owns the window's full screen; this follows what main says (onPresentation) and marks
// <html>: data-presenting (the projector layout), data-blank, data-cursor="hidden".
// While presenting it takes the keys first (capture phase): PageDown/→/↓/Space/Enter step
// forward, PageUp/←/↑/Backspace step back, Home/End, B or . blank the screen (any key
// restores), Esc leaves.
import type { LoopscopeApi } from '../bridge';
import { presentationKey } from '../app/keymap';

/** The cursor hides after the mouse has been still this long while presenting. */
const IDLE_CURSOR_MS = 2500;

const STYLES = `
:root[data-cursor='hidden'], :root[data-cursor='hidden'] * { cursor: none !important; }
:root[data-blank] body::after { content: ''; position: fixed; inset: 0; background: #000; z-index: 2147483647; }
`;

/** What the clicker keys step. */
export interface ClickerTarget {
  forward(): void;
  back(): void;
  start(): void;
  end(): void;
}

export interface PresentationOptions {
  api: LoopscopeApi;
  root: HTMLElement;
  clicker: ClickerTarget;
  /** Runs a call to main; a failure becomes a notice and resolves to undefined. */
  call<T>(action: () => Promise<T>): Promise<T | undefined>;
  /** Presentation turned on or off (the theme follows it). */
  onChange(): void;
  idleCursorMs?: number;
}

export class Presentation {
  presenting = $state(false);
  blanked = $state(false);
  cursorHidden = $state(false);
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: PresentationOptions) {}

  /** Listens to the window's keys and mouse; returns the cleanup. */
  attach(): () => void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const onKey = (e: KeyboardEvent): void => this.#keydown(e);
    const onMouse = (): void => this.#mouseMoved();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousemove', onMouse);
    return () => {
      clearTimeout(this.#idleTimer);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousemove', onMouse);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }

  async enter(): Promise<void> {
    if (this.presenting) return; // a clicker's start/stop button sends F5 again: Esc leaves
    const on = await this.options.call(() => this.options.api.app.presentation(true));
    if (on !== undefined) this.changed(on);
  }

  async leave(): Promise<void> {
    const on = await this.options.call(() => this.options.api.app.presentation(false));
    this.changed(on ?? false);
  }

  toggle(): Promise<void> {
    return this.presenting ? this.leave() : this.enter();
  }

  /** Main says presentation is on or off (it may change it itself: the window left full screen). */
  changed(on: boolean): void {
    const { root } = this.options;
    this.presenting = on;
    // A clicker's keys must step the player, not move the caret in a focused editor.
    if (on && document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (on) root.dataset['presenting'] = '';
    else delete root.dataset['presenting'];
    if (!on) this.#setBlank(false);
    this.options.onChange();
    this.#mouseMoved();
  }

  #keydown(e: KeyboardEvent): void {
    if (!this.presenting) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const action = presentationKey(e, this.blanked);
    if (action === null) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const { clicker } = this.options;
    switch (action) {
      case 'next':
        return clicker.forward();
      case 'prev':
        return clicker.back();
      case 'first':
        return clicker.start();
      case 'last':
        return clicker.end();
      case 'blank':
        return this.#setBlank(true);
      case 'unblank':
        return this.#setBlank(false);
      case 'leave':
        void this.leave();
        return;
      case 'swallow':
        return;
    }
  }

  #setBlank(on: boolean): void {
    this.blanked = on;
    if (on) this.options.root.dataset['blank'] = '';
    else delete this.options.root.dataset['blank'];
  }

  #mouseMoved(): void {
    const { root } = this.options;
    clearTimeout(this.#idleTimer);
    if (this.cursorHidden) {
      this.cursorHidden = false;
      delete root.dataset['cursor'];
    }
    if (!this.presenting) return;
    this.#idleTimer = setTimeout(() => {
      this.cursorHidden = true;
      root.dataset['cursor'] = 'hidden';
    }, this.options.idleCursorMs ?? IDLE_CURSOR_MS);
  }
}
