// The messages window.loopscope carries between main and the renderer (preload/loopscope.d.ts
// is the API itself): main, the preload and the renderer all read these types from here.

import type { RunOptions } from './trace';

export interface RunRequest {
  source: string;
  fileName: string;
  options?: Partial<RunOptions>;
}

export interface SimProgress {
  phase: 'starting' | 'running';
  /** Loop steps simulated so far (running phase). */
  steps: number;
  /** 0..1 when known (Python start-up), -1 when open-ended. */
  fraction: number;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** False when the engine runs without Node's permission model (shown as a warning). */
  contained: boolean;
}

export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'file:exportAnimation'
  | 'file:lessonFromProgram'
  | 'view:presentation'
  | 'view:internals'
  | 'view:cpythonNames'
  | 'view:settings'
  | 'view:compare'
  | 'view:lessons'
  | 'player:play'
  | 'player:stepForward'
  | 'player:stepBack'
  | 'player:start'
  | 'player:end'
  | 'help:about';

// ---- Desktop workflow: files, settings, presentation, export ----

export type Theme = 'light' | 'dark' | 'high-contrast';
/** 'system' follows the OS's reduced-motion preference. */
export type Motion = 'system' | 'full' | 'reduced';

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Predict mode's score for one lesson (main/settings/schema.ts checks it). */
export interface PredictScore {
  answered: number;
  right: number;
  /** Right answers in a row, now. */
  streak: number;
  /** The longest streak so far. */
  best: number;
}

/** A wrong answer kept for review: where it was asked, and what was chosen. */
export interface WrongAnswer {
  /** Lesson id ('' for a program that is not a lesson). */
  lesson: string;
  /** The program's file name, so the review can tell whether the run on screen is that one. */
  fileName: string;
  /** The step whose playing answered it. */
  step: number;
  prompt: string;
  chosen: string;
  right: string;
  why: string;
}

/** Predict mode: on or off, the presentation countdown, and the score (kept on this machine only). */
export interface PredictSettings {
  on: boolean;
  /** Seconds a question counts down while presenting; 0 = no countdown. */
  countdown: number;
  /** By lesson id ('' for programs that are not lessons). */
  scores: Record<string, PredictScore>;
  /** Newest first. */
  wrong: WrongAnswer[];
}

export interface Settings {
  theme: Theme;
  /** Playback speed multiplier (animation only; never changes virtual time). */
  speed: number;
  motion: Motion;
  /** Show the loop's internals (ready queue, timer heap). */
  internals: boolean;
  /** Name tasks as CPython does (`Task-1`) instead of by coroutine and argument (`job(3)`). */
  cpythonNames: boolean;
  /** Page zoom factor, 1 = 100 %. Changed by View > Zoom (Ctrl +, Ctrl -, Ctrl 0). */
  zoom: number;
  /** Wall time one run may take, in seconds, before the engine is stopped (a teacher's long computation is not a runaway). */
  wallBudgetSeconds: number;
  /** Output a run keeps, in kB (its first and last halves; the rest is counted, not kept). */
  outputKeptKb: number;
  /** Real time one step may run without awaiting, in seconds, before it is stopped as a runaway. */
  stepBudgetSeconds: number;
  /** Memory the engine's process may use, in MB, before it is stopped and replaced. */
  memoryCapMb: number;
  predict: PredictSettings;
  /** Kept by main: the renderer cannot set these. */
  windowBounds: WindowBounds | null;
  recentFiles: string[];
}

/** What the renderer may change; main owns window bounds and the recent list. */
export type SettingsPatch = Partial<
  Pick<
    Settings,
    | 'theme'
    | 'speed'
    | 'motion'
    | 'internals'
    | 'cpythonNames'
    | 'zoom'
    | 'wallBudgetSeconds'
    | 'stepBudgetSeconds'
    | 'outputKeptKb'
    | 'memoryCapMb'
    | 'predict'
  >
>;

export interface OpenedFile {
  /** Absolute path on disk, or null for an untitled program (a recovered draft that was never saved). */
  path: string | null;
  /** File name shown in the title bar and tabs. */
  name: string;
  text: string;
}

export interface SavedFile {
  path: string;
  name: string;
}

/** Unsaved edits the previous session left behind (after a crash). */
export interface Draft {
  text: string;
  /** The file the edits belong to, or null for an untitled program. */
  path: string | null;
  name: string;
  /** When it was written, in ms since the epoch. */
  savedAt: number;
}

/** Main offers a file (Open Recent, the command line, the OS); the renderer decides, then calls file.openPath. */
export interface OpenRequest {
  path: string;
  name: string;
  reason: 'recent' | 'command-line' | 'os';
}

/** The open file changed on disk (or went away) since it was opened or saved. */
export interface FileChange {
  path: string;
  name: string;
  kind: 'changed' | 'deleted';
}

/** Main asks the renderer to save (the person chose Save when closing); `then` says what follows a save. */
export interface SaveRequest {
  then: 'close';
}

export type ExportKind =
  | 'timeline-png'
  | 'timeline-svg'
  | 'stage-png'
  | 'trace-json'
  | 'steps-md'
  | 'player-html'
  | 'animation-gif'
  | 'animation-webm';

export interface ExportRequest {
  kind: ExportKind;
  /** PNG, GIF or WebM bytes for *-png and animation-*; UTF-8 text for the others (player-html: the trace's JSON, which main
   * writes into the shared player). */
  data: Uint8Array | string;
  /** Suggested file name (no folder); main adds the extension and asks where to save. */
  name: string;
}

/** Everything the renderer should know once it has loaded, collected by main before it was ready. */
export interface StartupState {
  settings: Settings;
  /** Messages to show once (e.g. settings reset because they were corrupt). */
  notices: string[];
  /** Unsaved edits from a session that did not end cleanly, to offer back. */
  draft: Draft | null;
  /** Files named on the command line or opened by the OS before the window was ready. */
  openRequests: OpenRequest[];
}
