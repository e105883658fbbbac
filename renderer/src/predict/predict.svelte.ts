// Predict mode's state: on or off, the question waiting for an answer, the last verdict, and
// the score book (saved with the settings). It sits in front of the player's forward step
// (Player.beforeForward): a step worth a question is held until the question is answered, and
// the answer plays the step. Presenting, the clicker's forward key reveals instead, unscored.
import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { PredictSettings } from '../bridge';
import type { Lesson } from '../lessons/builtin';
import type { Player } from '../player/player.svelte';
import { NO_AUTHORED, placeAuthored, questionBefore } from './authored';
import type { Question } from './question';
import { DEFAULT_PREDICT, forgetWrong, recordAnswer, scoreOf } from './scoreBook';

export interface Verdict {
  question: Question;
  /** The learner's choice; null when revealed to a room (presentation) or skipped. */
  chosen: number | null;
}

export interface PredictDeps {
  player: Player;
  /** The lesson whose own run is on screen (its questions apply), or null. */
  lesson(): Lesson | null;
  /** The program's file name (what a wrong answer remembers). */
  fileName(): string;
  presenting(): boolean;
  /** Saves the book with the settings; absent where there are no settings (a bare browser build). */
  save(book: PredictSettings): void;
  /** Opens a lesson by id (the review jumps into another lesson's run). */
  openLesson(id: string): void;
}

export class PredictSession {
  book = $state.raw<PredictSettings>(DEFAULT_PREDICT);
  pending = $state.raw<Question | null>(null);
  verdict = $state.raw<Verdict | null>(null);
  orderOpen = $state(false);
  reviewOpen = $state(false);
  readonly #deps: PredictDeps;
  /** Steps already asked in the run on screen: stepping back and forward again does not re-ask. */
  #asked = new SvelteSet<number>();
  #jumpAfterLoad: { fileName: string; step: number } | null = null;
  #run: { source: string; steps: number } | null = null;

  constructor(deps: PredictDeps) {
    this.#deps = deps;
    deps.player.beforeForward = (next) => this.gate(next);
    $effect.root(() => {
      $effect(() => {
        const trace = deps.player.trace;
        untrack(() => {
          // An edit re-runs the program: the same source gives the same trace, and the same questions.
          const same =
            trace && this.#run && trace.source === this.#run.source && trace.steps.length === this.#run.steps;
          this.#run = trace ? { source: trace.source, steps: trace.steps.length } : null;
          if (!same) this.#newRun(trace !== null);
        });
      });
      $effect(() => {
        const step = deps.player.step;
        untrack(() => {
          // Moved elsewhere (back, a seek): the held question no longer comes next. (A jump may
          // stop before it, on the shown step before it: hidden internals may lie between.)
          const before = deps.player.view.atOrBefore(this.pending ? this.pending.step - 1 : 0);
          if (this.pending && step !== before) this.pending = null;
        });
      });
    });
  }

  on = $derived(this.book.on);
  authored = $derived.by(() => {
    const trace = this.#deps.player.trace;
    const lesson = this.#deps.lesson();
    return trace && lesson && trace.source === lesson.source
      ? placeAuthored(trace, lesson.questions)
      : NO_AUTHORED;
  });
  score = $derived.by(() => scoreOf(this.book, this.#deps.lesson()?.id ?? null));

  /** Player.beforeForward: true lets the step play. */
  gate(next: number): boolean {
    if (!this.book.on) return true;
    if (this.pending) {
      if (this.#deps.presenting()) this.reveal();
      return false;
    }
    const model = this.#deps.player.model;
    if (!model || this.#asked.has(next)) {
      this.verdict = null;
      return true;
    }
    const question = questionBefore(model, this.authored, next, {
      showInternals: this.#deps.player.showInternals,
    });
    this.verdict = null;
    if (!question) return true;
    this.pending = question;
    return false;
  }

  setOn(on: boolean): void {
    if (!on) {
      this.pending = null;
      this.verdict = null;
    }
    this.#change({ ...this.book, on });
  }

  toggle(): void {
    this.setOn(!this.book.on);
  }

  setCountdown(seconds: number): void {
    this.#change({ ...this.book, countdown: seconds });
  }

  answer(index: number): void {
    const q = this.pending;
    if (!q || index < 0 || index >= q.choices.length) return;
    this.record(q, index);
    this.#play(q, index);
  }

  /** Scores an answer (not while presenting: the room answers, not one learner). */
  record(q: Question, index: number): void {
    if (this.#deps.presenting()) return;
    this.#change(
      recordAnswer(this.book, this.#deps.lesson()?.id ?? null, index === q.answer, {
        fileName: this.#deps.fileName(),
        step: q.step,
        prompt: q.prompt,
        chosen: q.choices[index],
        right: q.choices[q.answer],
        why: q.why,
      }),
    );
  }

  /** Presenting: the room has answered by a show of hands; play the step and show the answer. */
  reveal(): void {
    if (this.pending) this.#play(this.pending, null);
  }

  /** Leaves the question unanswered; the next step forward plays without asking again. */
  skip(): void {
    if (this.pending) this.#asked.add(this.pending.step);
    this.pending = null;
  }

  /** Whole-output prediction happens before the run plays: back to its start. */
  openOrder(): void {
    this.#deps.player.pause();
    this.#deps.player.toStart();
    this.pending = null;
    this.verdict = null;
    this.orderOpen = true;
  }

  dismiss(): void {
    this.verdict = null;
  }

  /** Review: back to the step before a wrong answer (in another lesson's run, once it has run). */
  tryAgain(index: number): void {
    const wrong = this.book.wrong[index];
    if (!wrong) return;
    this.reviewOpen = false;
    this.#change(forgetWrong(this.book, index));
    if (wrong.fileName === this.#deps.fileName() && this.#deps.player.trace) {
      this.#retry(wrong.step);
    } else if (wrong.lesson) {
      this.#jumpAfterLoad = { fileName: wrong.fileName, step: wrong.step };
      this.#deps.openLesson(wrong.lesson);
    }
  }

  resetScores(): void {
    this.#change({ ...this.book, scores: {}, wrong: [] });
  }

  /** Settings from main (at start, and after each save). */
  adopt(saved: PredictSettings | null | undefined): void {
    if (saved) this.book = saved;
  }

  #retry(step: number): void {
    this.#asked.delete(step);
    this.pending = null;
    this.verdict = null;
    this.#deps.player.pause();
    this.#deps.player.seek(step - 1);
  }

  #play(q: Question, chosen: number | null): void {
    this.#asked.add(q.step);
    this.pending = null;
    this.verdict = { question: q, chosen };
    this.#deps.player.seek(q.step);
  }

  #newRun(loaded: boolean): void {
    this.#asked = new SvelteSet();
    this.pending = null;
    this.verdict = null;
    const jump = this.#jumpAfterLoad;
    if (loaded && jump && jump.fileName === this.#deps.fileName()) {
      this.#jumpAfterLoad = null;
      this.#retry(jump.step);
    }
  }

  #change(book: PredictSettings): void {
    this.book = book;
    this.#deps.save(book);
  }
}
