// CodeMirror 6 set-up for the code panel: Python, a theme that meets contrast on a projector
// and follows html[data-theme] through CSS variables (global.css --ls-code-*, --ls-syntax-*),
// Ctrl+Enter to run, and line decorations for the task markers (pushed in with an
// effect, so marking never touches the document or its undo history). Lines wrap, so a task's
// chips at the end of a long line stay on screen; the view follows the running line.
import { python } from '@codemirror/lang-python';
import { foldEffect, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import {
  Compartment,
  EditorSelection,
  EditorState,
  Prec,
  StateEffect,
  StateField,
  type Range,
} from '@codemirror/state';
import { Decoration, EditorView, keymap, WidgetType, type DecorationSet } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { CHIPS_PER_LINE, type CodeMarks, type LineMark } from './codeMarks';
import { FOLLOW_MARGIN_LINES, followTarget, headerFoldRange } from './codeFollow';
import { isDarkTheme, watchTheme } from './themeColours';

const setMarks = StateEffect.define<CodeMarks>();

class ChipsWidget extends WidgetType {
  constructor(readonly marks: LineMark[]) {
    super();
  }
  override eq(other: ChipsWidget): boolean {
    return other.marks.map((m) => m.actor).join() === this.marks.map((m) => m.actor).join();
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-task-chips';
    for (const m of this.marks.slice(0, CHIPS_PER_LINE)) {
      const chip = document.createElement('span');
      chip.className = 'cm-task-chip';
      chip.style.background = m.colour;
      chip.textContent = m.label;
      span.appendChild(chip);
    }
    if (this.marks.length > CHIPS_PER_LINE) span.append(` +${this.marks.length - CHIPS_PER_LINE}`);
    return span;
  }
}

function decorate(view: { state: EditorView['state'] }, marks: CodeMarks): DecorationSet {
  const doc = view.state.doc;
  const byLine = new Map<number, LineMark[]>();
  for (const m of marks.tasks)
    if (m.line >= 1 && m.line <= doc.lines) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  const ran = new Set(marks.linesRun.filter((l) => l >= 1 && l <= doc.lines));
  const out: Range<Decoration>[] = [];
  const error = marks.errorLine && marks.errorLine <= doc.lines ? marks.errorLine : 0;
  const lines = new Set([...byLine.keys(), ...ran, ...(error ? [error] : [])]);
  for (const n of [...lines].sort((a, b) => a - b)) {
    const line = doc.line(n);
    const ms = byLine.get(n) ?? [];
    const classes = [
      ms.length ? 'cm-task-line' : '',
      ran.has(n) ? 'cm-just-ran' : '',
      n === error ? 'cm-error-line' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const style = ms.length ? `--task: ${ms[0].colour}` : '';
    out.push(Decoration.line({ attributes: { class: classes, style } }).range(line.from));
    if (ms.length) out.push(Decoration.widget({ widget: new ChipsWidget(ms), side: 1 }).range(line.to));
  }
  return Decoration.set(out, true);
}

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMarks)) next = decorate(tr, e.value);
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--ls-syntax-keyword, #ff9e64)', fontWeight: 'bold' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ls-syntax-string, #9ece6a)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--ls-syntax-number, #e0af68)' },
  { tag: tags.comment, color: 'var(--ls-syntax-comment, #8b93a7)', fontStyle: 'italic' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: 'var(--ls-syntax-function, #7dcfff)',
  },
  { tag: tags.definition(tags.variableName), color: 'var(--ls-syntax-definition, #bb9af7)' },
  { tag: tags.operator, color: 'var(--ls-syntax-operator, #c0caf5)' },
]);

// Colours are CSS variables, so a theme change restyles the editor with no reconfiguration.
const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--ls-code-bg, #15171d)', color: 'var(--ls-code-fg, #e8eaf0)' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--ls-code-caret, #fff)' },
  '.cm-gutters': {
    backgroundColor: 'var(--ls-code-bg, #15171d)',
    color: 'var(--ls-code-gutter, #7d8496)',
    border: 'none',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--ls-code-selection, #3a4257) !important',
  },
  '.cm-task-line': {
    boxShadow: 'inset 5px 0 0 var(--task)',
    backgroundColor: 'color-mix(in srgb, var(--task) 16%, transparent)',
  },
  '.cm-just-ran': { backgroundColor: 'var(--ls-code-ran, rgb(255 255 255 / 0.13))', fontWeight: 'bold' },
  '.cm-error-line': {
    backgroundColor: 'var(--ls-code-error, rgb(213 94 0 / 0.35))',
    textDecoration: 'underline wavy var(--ls-code-error-wave, #ffb4a8)',
  },
  '.cm-task-chips': { marginLeft: '1em', fontSize: '0.8em', whiteSpace: 'nowrap' },
  '.cm-task-chip': {
    color: '#111',
    borderRadius: '4px',
    padding: '0 5px',
    marginRight: '4px',
    fontWeight: 'bold',
  },
});

// CodeMirror's own light/dark defaults (cursor, tooltips, search panel) follow the theme too.
const darkness = new Compartment();
/** Read-only while presenting: the clicker's keys must never edit the program. */
const readOnly = new Compartment();
// The class tells the app's keys (app/actions.ts keyTarget) that the player's keys are free here.
const readOnlyExtensions = (on: boolean) => [
  EditorState.readOnly.of(on),
  EditorView.editable.of(!on),
  EditorView.editorAttributes.of({ class: on ? 'cm-readonly' : '' }),
];

export interface CodeEditor {
  view: EditorView;
  /** Marks the lines and scrolls the running line (and the selected task's) into view. */
  setMarks(marks: CodeMarks, selected?: number | null): void;
  /** Replaces the program; `foldHeader` folds its module docstring (a lesson's header). */
  setDoc(text: string, foldHeader?: boolean): void;
  setReadOnly(on: boolean): void;
  destroy(): void;
}

export function createEditor(
  parent: HTMLElement,
  doc: string,
  onChange: (text: string) => void,
  onRun: () => void,
): CodeEditor {
  const view = new EditorView({
    parent,
    doc,
    extensions: [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }])),
      basicSetup,
      python(),
      syntaxHighlighting(highlight),
      theme,
      darkness.of(EditorView.darkTheme.of(isDarkTheme())),
      readOnly.of(readOnlyExtensions(false)),
      EditorView.lineWrapping,
      marksField,
      EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
    ],
  });
  const unwatch = watchTheme(() => {
    const dark = isDarkTheme();
    if (view.state.facet(EditorView.darkTheme) !== dark)
      view.dispatch({ effects: darkness.reconfigure(EditorView.darkTheme.of(dark)) });
  });
  return {
    view,
    setMarks: (marks, selected = null) => {
      const effects: StateEffect<unknown>[] = [setMarks.of(marks)];
      // Not while the editor has focus: the view must not jump away from where someone types.
      const target = view.hasFocus ? null : followTarget(view.state.doc, marks, selected);
      if (target) {
        const range = EditorSelection.range(target.anchor, target.head);
        const yMargin = view.defaultLineHeight * FOLLOW_MARGIN_LINES;
        effects.push(EditorView.scrollIntoView(range, { y: 'nearest', yMargin }));
      }
      view.dispatch({ effects });
    },
    setDoc: (text, foldHeader = false) => {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      const header = foldHeader ? headerFoldRange(view.state.doc) : null;
      // A new program opens at its top, its header folded so the code starts near the top.
      view.dispatch({
        effects: [...(header ? [foldEffect.of(header)] : []), EditorView.scrollIntoView(0, { y: 'start' })],
      });
    },
    setReadOnly: (on) => {
      if (view.state.facet(EditorState.readOnly) !== on)
        view.dispatch({ effects: readOnly.reconfigure(readOnlyExtensions(on)) });
    },
    destroy: () => {
      unwatch();
      view.destroy();
    },
  };
}
