// The composition root of the app window: every controller is built here, once, and wired to
// the others; App.svelte only draws what this holds. Construct it while a component initialises
// (its effects belong to that component) and call start() on mount.
import { lessonHeader } from '../../../lessons/lessonFile';
import { DEFAULT_RUN_OPTIONS } from '../../../common/trace';
import { loopscope, type SettingsPatch } from '../bridge';
import type { CompareState } from '../compare/compare.svelte';
import type { DesktopController } from '../desktop/desktop.svelte';
import { Inspector } from '../inspector/inspector.svelte';
import { lessonById, type Lesson } from '../lessons/builtin';
import type { LessonSession } from '../lessons/lessonSession.svelte';
import { Player } from '../player/player.svelte';
import { PredictSession } from '../predict/predict.svelte';
import { DEFAULT_FILE_NAME, DEFAULT_SOURCE } from '../run/examples';
import { MotionSetting } from '../run/motion.svelte';
import { replacesProgram } from '../run/replaced';
import { Runner } from '../run/runner.svelte';
import { progressText as progressWords, statusText } from '../run/status';
import { makeActions, playerKey, type Actions } from './actions';
import type { PngSources } from './desktopWiring';
import { createLessonFlow } from './lessonFlow';
import { menuHandlers, type MenuHandlers } from './menu';

export class AppRoot {
  readonly player = new Player();
  readonly inspector = new Inspector(this.player);
  readonly motion = new MotionSetting();
  readonly runner: Runner;
  readonly png: PngSources = { stage: null, timeline: null };
  readonly desktop: DesktopController;
  readonly lessons: LessonSession;
  readonly compare: CompareState;
  readonly predict: PredictSession;
  readonly act: Actions;
  readonly menu: MenuHandlers;
  /** Compares the open lesson with its partner, or else the default pair. */
  readonly compareLesson: () => void;
  readonly compareFiles: () => Promise<void>;

  settingsOpen = $state(false);
  animationOpen = $state(false);
  /** The status bar's engine words, from main's app info. */
  engine = $state('');
  readonly lesson: Lesson | null;
  readonly status: string;
  readonly progressText: string;

  constructor() {
    const { player, inspector, motion } = this;
    // A run asked for clears the stage at once (a big run takes a while); an edit's rerun keeps it.
    let shownSource: string | null = null;
    const runner = new Runner(
      (trace) => {
        player.load(trace, shownSource === trace.source);
        shownSource = trace.source;
      },
      (explicit) => {
        if (explicit) player.clear();
      },
    );
    runner.source = DEFAULT_SOURCE;
    runner.fileName = DEFAULT_FILE_NAME;
    this.runner = runner;
    const flow = createLessonFlow(player, runner, this.png);
    const { desktop, lessons } = flow;
    this.desktop = desktop;
    this.lessons = lessons;
    this.compare = flow.compare;
    this.compareLesson = flow.compareLesson;
    this.compareFiles = flow.compareFiles;
    this.lesson = $derived(lessons.shownFor(runner.fileName));
    this.status = $derived(
      runner.stopped && !player.trace
        ? 'run stopped'
        : statusText(runner.running, player.trace, player.model?.tasks.length ?? 0, player.view.count),
    );
    this.progressText = $derived(progressWords(runner.progress));
    this.predict = new PredictSession({
      player,
      lesson: () => this.lesson,
      fileName: () => runner.fileName,
      presenting: () => desktop.presentation.presenting,
      save: (book) => void (desktop.settings && desktop.setSetting({ predict: book })),
      openLesson: (id) => {
        const l = lessonById(id);
        if (l) lessons.pick(l);
      },
    });
    this.act = makeActions(
      player,
      motion,
      runner,
      desktop,
      (step, dir) => lessons.bookmarkFrom(step, dir),
      () => inspector.toggle(),
    );
    this.menu = menuHandlers({
      act: this.act,
      player,
      desktop,
      openSettings: () => (this.settingsOpen = true),
      openAnimationExport: () => (this.animationOpen = player.model !== null),
      openLessons: () => lessons.showPanel(),
      compareFiles: () => void flow.compareFiles(),
      lessonFromProgram: () => this.#lessonFromProgram(),
      about: () => this.#about(),
    });
    this.#followSettings();
  }

  /** Subscribes to main and the window, and runs the program; returns the cleanup. */
  start(): () => void {
    const { runner } = this;
    const detach = [runner.attach(), this.motion.attach(), this.desktop.start()];
    try {
      detach.push(loopscope.app.onMenu((c) => this.menu[c]()));
      loopscope.app
        .info()
        .then((i) => (this.engine = `${i.name} ${i.version}${i.contained ? '' : ' · engine not contained'}`))
        .catch(() => (this.engine = ''));
    } catch (e) {
      runner.error = `The app bridge is missing: ${e instanceof Error ? e.message : String(e)}`;
    }
    void runner.run();
    return () => detach.forEach((d) => d());
  }

  /** The window's keys (presentation's clicker keys are taken earlier, desktop/presentation.svelte.ts). */
  onKey(e: KeyboardEvent): void {
    if (this.compare.open) return; // the compare view has its own keys
    if (e.key === 'Escape' && this.runner.running) {
      e.preventDefault();
      this.runner.stop();
      return;
    }
    playerKey(e, this.act);
  }

  /** The editor's text changed. */
  edit(text: string): void {
    this.#forgetReplaced(text);
    this.runner.edit(text);
    this.desktop.edited(text);
  }

  /** A change in the Settings dialog. */
  changeSetting(patch: SettingsPatch): void {
    if (patch.cpythonNames !== undefined) this.act.setCpythonNames(patch.cpythonNames);
    else void this.desktop.setSetting(patch);
  }

  // Saved settings drive the player (settings arrive from main; changes go back through setSetting),
  // and the welcome shows once the desktop half has answered (not in a bare browser build).
  #followSettings(): void {
    const { desktop, player, runner } = this;
    $effect(() => {
      if (desktop.settings) this.lessons.welcomeOnce();
    });
    $effect(() => {
      const s = desktop.settings;
      if (!s) return;
      player.speed = s.speed;
      player.showInternals = s.internals;
      player.cpythonNames = s.cpythonNames;
      runner.maxOutputBytes =
        s.outputKeptKb * 1000 === DEFAULT_RUN_OPTIONS.maxOutputBytes ? null : s.outputKeptKb * 1000;
      this.motion.enabled = s.motion !== 'reduced';
      this.predict.adopt(s.predict);
    });
  }

  // Code replaced wholesale is a new program: the lesson and the example's file name go with the old one.
  #forgetReplaced(text: string): void {
    const { runner } = this;
    const origin = this.lesson?.source ?? (runner.fileName === DEFAULT_FILE_NAME ? DEFAULT_SOURCE : null);
    if (origin === null || !replacesProgram(origin, text)) return;
    runner.fileName = this.desktop.fileName;
    this.lessons.current = null;
  }

  #lessonFromProgram(): void {
    const { runner, desktop } = this;
    try {
      const text = lessonHeader(runner.fileName, runner.source, this.player.trace);
      runner.source = text;
      desktop.edited(text);
      this.lessons.programOpened(false, text, runner.fileName);
      void runner.run();
    } catch (e) {
      desktop.notices.add(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  // Help > About: the app's name and version, and what it is for.
  #about(): void {
    const notices = this.desktop.notices;
    void loopscope.app
      .info()
      .then((i) =>
        notices.add(
          `${i.name} ${i.version} (${i.platform}): see how an asyncio event loop schedules your tasks, step by step, on a virtual clock.`,
          'info',
        ),
      )
      .catch((e: unknown) => notices.add(e instanceof Error ? e.message : String(e), 'error'));
  }
}
